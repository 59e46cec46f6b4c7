/**
 * Does the ONNX file match its card? Its sha256 against `onnxSha256`, and the session's inputs and
 * outputs (names, element types, fixed dimensions) against the card's `inputs` and `outputs`. A
 * dimension the card names (a dynamic axis) must not be fixed in the model; one the card fixes
 * must be fixed to the same size. A model that gives no shape for a tensor is not checked there.
 */
import { createHash } from 'node:crypto';
import type { SpecIssue } from '../../generators/spec/spec-error.ts';
import type { ModelCard } from './model-card.ts';
import type { ValueMetadata } from './step-runner.ts';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function checkModelHash(card: ModelCard, bytes: Uint8Array, file: string): SpecIssue[] {
  const actual = sha256Hex(bytes);
  if (actual === card.onnxSha256) return [];
  return [
    {
      path: '/onnxSha256',
      value: card.onnxSha256,
      problem: `${file} has sha256 ${actual}: the file is not the one this card describes`,
      allowed: 'the card exported with this file (export again), or this sha256 if the file is known to be right',
    },
  ];
}

export function checkModelTensors(card: ModelCard, inputs: readonly ValueMetadata[], outputs: readonly ValueMetadata[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const compare = (list: 'inputs' | 'outputs', actual: readonly ValueMetadata[]) => {
    const noun = list === 'inputs' ? 'input' : 'output';
    const have = actual.map((m) => m.name);
    card[list].forEach((spec, i) => {
      const at = `/${list}/${i}`;
      const meta = actual.find((m) => m.name === spec.name);
      if (!meta) {
        issues.push({ path: `${at}/name`, value: spec.name, problem: `the ONNX model has no ${noun} "${spec.name}" (it has ${have.join(', ') || 'none'})`, allowed: 'the names the model was exported with' });
        return;
      }
      if (!meta.isTensor || meta.type !== spec.type) {
        issues.push({ path: `${at}/type`, value: spec.type, problem: `the ONNX model's ${noun} "${spec.name}" is ${meta.isTensor ? meta.type : 'not a tensor'}`, allowed: 'float32 in both (export the model with float32 tensors)' });
      }
      if (meta.shape.length === 0) return;
      if (meta.shape.length !== spec.shape.length) {
        issues.push({ path: `${at}/shape`, value: spec.shape, problem: `the ONNX model's ${noun} "${spec.name}" has ${meta.shape.length} dimensions [${meta.shape.join(', ')}]`, allowed: `${spec.shape.length} dimensions, as the card says` });
        return;
      }
      spec.shape.forEach((dim, j) => {
        const got = meta.shape[j];
        const fixed = typeof got === 'number' && got >= 0;
        if (typeof dim === 'number' && fixed && got !== dim) {
          issues.push({ path: `${at}/shape/${j}`, value: dim, problem: `the ONNX model's ${noun} "${spec.name}" has ${got} here`, allowed: `${got} in the card, or a model exported with ${dim}` });
        } else if (typeof dim === 'number' && !fixed) {
          issues.push({ path: `${at}/shape/${j}`, value: dim, problem: `the ONNX model's ${noun} "${spec.name}" leaves this axis dynamic ("${got}")`, allowed: `a model exported with ${dim} fixed` });
        } else if (typeof dim === 'string' && fixed) {
          issues.push({ path: `${at}/shape/${j}`, value: dim, problem: `the ONNX model's ${noun} "${spec.name}" fixes this axis at ${got}`, allowed: 'a model exported with this axis dynamic (dynamic_axes / dynamic_shapes)' });
        }
      });
    });
    const named = new Set(card[list].map((s) => s.name));
    for (const meta of actual) {
      if (!named.has(meta.name)) {
        issues.push({ path: `/${list}`, value: card[list].map((s) => s.name), problem: `the ONNX model also has the ${noun} "${meta.name}", which the card does not list`, allowed: `the model's ${list}: ${have.join(', ')}` });
      }
    }
  };
  compare('inputs', inputs);
  compare('outputs', outputs);
  return issues;
}
