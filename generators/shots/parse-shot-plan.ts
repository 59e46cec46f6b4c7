/**
 * Untrusted input (a plan file, an HTTP body, the storyboard interpreter's draft) → a ShotPlan, or
 * one SpecError listing every problem: schema problems first, then the rules across fields (unique
 * ids, known characters, transitions that fit their shots). References into the World (structures,
 * points of interest) are checked when the plan is compiled against one (`compileTimeline`).
 */
import { Value } from '@sinclair/typebox/value';
import { collectSchemaIssues } from '../spec/parse-world-spec.ts';
import { SpecError, type SpecIssue } from '../spec/spec-error.ts';
import { ShotPlanSchema, type ShotPlan } from './shot-plan-schema.ts';

export function parseShotPlan(input: unknown, options: { source?: string } = {}): ShotPlan {
  const what = 'ShotPlan';
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SpecError([{ path: '', value: input, problem: 'a ShotPlan must be a JSON object', allowed: '{"version": 1, "characters": [...], "shots": [...]}' }], { source: options.source, what });
  }
  const schemaIssues = collectSchemaIssues(ShotPlanSchema, input);
  if (schemaIssues.length > 0) throw new SpecError(schemaIssues, { source: options.source, what });
  const plan = Value.Clone(input) as ShotPlan;
  const ruleIssues = checkShotPlanRules(plan);
  if (ruleIssues.length > 0) throw new SpecError(ruleIssues, { source: options.source, what });
  return plan;
}

export function checkShotPlanRules(plan: ShotPlan): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const characters = new Set<string>();
  plan.characters.forEach((c, i) => {
    if (characters.has(c.id)) issues.push({ path: `/characters/${i}/id`, value: c.id, problem: 'a second character with this id', allowed: 'a unique id' });
    characters.add(c.id);
  });
  const known = [...characters].join(', ') || 'none: add one to /characters';
  const checkCharacterRef = (ref: string | undefined, path: string) => {
    if (ref?.startsWith('character:') && !characters.has(ref.slice('character:'.length))) {
      issues.push({ path, value: ref, problem: 'unknown character', allowed: `a character of /characters (${known})` });
    }
  };
  const shots = new Set<string>();
  plan.shots.forEach((shot, i) => {
    const at = `/shots/${i}`;
    if (shots.has(shot.id)) issues.push({ path: `${at}/id`, value: shot.id, problem: 'a second shot with this id', allowed: 'a unique id' });
    shots.add(shot.id);
    checkCharacterRef(shot.subject, `${at}/subject`);
    const transition = shot.transition;
    if (transition && transition.kind !== 'cut') {
      const seconds = transition.durationSeconds ?? 0.5;
      if (seconds > shot.durationSeconds / 2) {
        issues.push({ path: `${at}/transition/durationSeconds`, value: seconds, problem: `longer than half the shot (${shot.durationSeconds} s)`, allowed: `0 … ${shot.durationSeconds / 2} s` });
      }
      if (i === 0 && transition.kind === 'crossfade') {
        issues.push({ path: `${at}/transition/kind`, value: 'crossfade', problem: 'the first shot has nothing to cross-fade from', allowed: 'cut or fade (in from black)' });
      }
    }
    shot.actions?.forEach((action, j) => {
      if (!characters.has(action.character)) issues.push({ path: `${at}/actions/${j}/character`, value: action.character, problem: 'unknown character', allowed: `a character of /characters (${known})` });
      checkCharacterRef(action.to, `${at}/actions/${j}/to`);
      checkCharacterRef(action.via, `${at}/actions/${j}/via`);
      checkCharacterRef(action.face, `${at}/actions/${j}/face`);
      if (action.do === 'walk' && !action.to) issues.push({ path: `${at}/actions/${j}/to`, value: undefined, problem: 'a walk needs a destination', allowed: 'a subject reference such as structure:tower or point:120,-40' });
    });
  });
  return issues;
}
