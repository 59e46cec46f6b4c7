/**
 * A few ONNX models written by hand as protobuf bytes, for the tests and the model benchmark: no
 * Python, no onnx package. Only the fields these models need are encoded — ModelProto (ir_version,
 * opset_import, producer, graph), GraphProto (node, initializer, input, output), NodeProto (inputs,
 * outputs, op_type, attributes), TensorProto (dims, data_type, raw_data) and ValueInfoProto with
 * a tensor type whose dimensions are fixed numbers or symbolic names. Field numbers are those of
 * onnx/onnx.proto.
 */

type Dim = number | string;
export type ElementType = 'float32' | 'int64';

export interface ValueInfo {
  name: string;
  type?: ElementType;
  shape: Dim[];
}

export type Attribute = { name: string; int: number } | { name: string; ints: number[] } | { name: string; float: number } | { name: string; floats: number[] } | { name: string; string: string };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Attribute[];
}

export interface Initializer {
  name: string;
  dims: number[];
  data: Float32Array | BigInt64Array;
}

export interface GraphSpec {
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  nodes: NodeSpec[];
  initializers?: Initializer[];
  opset?: number;
}

const ELEMENT_TYPE: Record<ElementType, number> = { float32: 1, int64: 7 };

/** The bytes of an ONNX model (IR version 8) computing `graph`. */
export function buildOnnxModel(graph: GraphSpec): Uint8Array {
  const g = new Writer();
  graph.nodes.forEach((node, i) => g.message(1, encodeNode(node, `n${i}`)));
  g.string(2, 'graph');
  for (const init of graph.initializers ?? []) g.message(5, encodeTensor(init));
  for (const input of graph.inputs) g.message(11, encodeValueInfo(input));
  for (const output of graph.outputs) g.message(12, encodeValueInfo(output));
  const opset = new Writer();
  opset.string(1, '');
  opset.varint(2, graph.opset ?? 17);
  const model = new Writer();
  model.varint(1, 8);
  model.string(2, 'worldsmith-tests');
  model.message(7, g.bytes());
  model.message(8, opset.bytes());
  return model.bytes();
}

/** One MatMul of two [n, n] float32 inputs `a` and `b` into `c`: the benchmark's throughput probe. */
export function matMulModel(n: number): Uint8Array {
  return buildOnnxModel({
    inputs: [
      { name: 'a', shape: [n, n] },
      { name: 'b', shape: [n, n] },
    ],
    outputs: [{ name: 'c', shape: [n, n] }],
    nodes: [{ op: 'MatMul', inputs: ['a', 'b'], outputs: ['c'] }],
  });
}

function encodeNode(node: NodeSpec, name: string): Uint8Array {
  const w = new Writer();
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, name);
  w.string(4, node.op);
  for (const attribute of node.attributes ?? []) w.message(5, encodeAttribute(attribute));
  return w.bytes();
}

function encodeAttribute(attribute: Attribute): Uint8Array {
  const w = new Writer();
  w.string(1, attribute.name);
  if ('int' in attribute) {
    w.varint(3, attribute.int);
    w.varint(20, 2);
  } else if ('ints' in attribute) {
    for (const value of attribute.ints) w.varint(8, value);
    w.varint(20, 7);
  } else if ('float' in attribute) {
    w.float(2, attribute.float);
    w.varint(20, 1);
  } else if ('floats' in attribute) {
    for (const value of attribute.floats) w.float(7, value);
    w.varint(20, 6);
  } else {
    w.string(4, attribute.string);
    w.varint(20, 3);
  }
  return w.bytes();
}

function encodeTensor(tensor: Initializer): Uint8Array {
  const w = new Writer();
  for (const dim of tensor.dims) w.varint(1, dim);
  w.varint(2, tensor.data instanceof Float32Array ? ELEMENT_TYPE.float32 : ELEMENT_TYPE.int64);
  w.string(8, tensor.name);
  w.bytesField(9, new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
  return w.bytes();
}

function encodeValueInfo(info: ValueInfo): Uint8Array {
  const shape = new Writer();
  for (const dim of info.shape) {
    const d = new Writer();
    if (typeof dim === 'number') d.varint(1, dim);
    else d.string(2, dim);
    shape.message(1, d.bytes());
  }
  const tensorType = new Writer();
  tensorType.varint(1, ELEMENT_TYPE[info.type ?? 'float32']);
  tensorType.message(2, shape.bytes());
  const type = new Writer();
  type.message(1, tensorType.bytes());
  const w = new Writer();
  w.string(1, info.name);
  w.message(2, type.bytes());
  return w.bytes();
}

/** Protobuf wire format: varints (type 0), 32-bit floats (type 5), length-delimited (type 2). */
class Writer {
  private readonly chunks: number[] = [];

  varint(field: number, value: number): void {
    this.tag(field, 0);
    this.rawVarint(BigInt(value));
  }

  float(field: number, value: number): void {
    this.tag(field, 5);
    const bytes = new Uint8Array(new Float32Array([value]).buffer);
    this.chunks.push(...bytes);
  }

  string(field: number, value: string): void {
    this.bytesField(field, new TextEncoder().encode(value));
  }

  message(field: number, bytes: Uint8Array): void {
    this.bytesField(field, bytes);
  }

  bytesField(field: number, bytes: Uint8Array): void {
    this.tag(field, 2);
    this.rawVarint(BigInt(bytes.length));
    for (let i = 0; i < bytes.length; i++) this.chunks.push(bytes[i]);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }

  private tag(field: number, wireType: number): void {
    this.rawVarint(BigInt((field << 3) | wireType));
  }

  private rawVarint(value: bigint): void {
    // Negative int64s are written as their 64-bit two's complement, ten bytes.
    let v = value < 0n ? (1n << 64n) + value : value;
    do {
      const byte = Number(v & 0x7fn);
      v >>= 7n;
      this.chunks.push(v > 0n ? byte | 0x80 : byte);
    } while (v > 0n);
  }
}
