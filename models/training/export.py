"""Export a training checkpoint to the contract's ONNX step function and model card.

    python -m models.training.export --checkpoint out/model/checkpoint.pt --out out/model [--name valley-64]

Writes model.onnx (opset 17; inputs frame, action, pose, state; outputs next_frame, next_state;
batch, height and width dynamic), model-card.json (models/CONTRACT.md; metrics empty — the
evaluator fills them) and reference.json: a seeded batch of two streams at the trained size, with
a state warmed by three steps, and the PyTorch outputs for it, as base64 little-endian float32, so
a test can hold onnxruntime to PyTorch without torch.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import inspect
import json
import os
import sys
import warnings
from typing import Dict, List, Optional

import numpy as np
import torch

from .model import ACTION_SIZE, DOWNSAMPLE, POSE_FEATURES, ModelConfig, WorldModel, count_flops
from .train import load_checkpoint

OPSET = 17
INPUT_NAMES = ["frame", "action", "pose", "state"]
OUTPUT_NAMES = ["next_frame", "next_state"]
REFERENCE_BATCH = 2
REFERENCE_WARMUP = 3
REFERENCE_TOLERANCE = 1e-4


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="export-model", description="Export a world-model checkpoint to ONNX + model card.",
                                epilog="example: npm run export-model -- --checkpoint out/model/checkpoint.pt --out out/model")
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--name", default=None, help="model name in the card (default: the --out folder's name)")
    p.add_argument("--reference-seed", type=int, default=1234)
    return p.parse_args(argv)


def tensor_specs(channels: int) -> Dict[str, List[Dict]]:
    shapes = {
        "frame": ["batch", 3, "height", "width"],
        "action": ["batch", ACTION_SIZE],
        "pose": ["batch", POSE_FEATURES],
        "state": ["batch", channels, "stateHeight", "stateWidth"],
        "next_frame": ["batch", 3, "height", "width"],
        "next_state": ["batch", channels, "stateHeight", "stateWidth"],
    }
    return {
        "inputs": [{"name": n, "type": "float32", "shape": shapes[n]} for n in INPUT_NAMES],
        "outputs": [{"name": n, "type": "float32", "shape": shapes[n]} for n in OUTPUT_NAMES],
    }


def encode(t: torch.Tensor) -> Dict:
    a = np.ascontiguousarray(t.detach().cpu().numpy().astype("<f4"))
    return {"shape": list(a.shape), "dtype": "float32", "data": base64.b64encode(a.tobytes()).decode("ascii")}


def reference_inputs(model: WorldModel, size: int, seed: int) -> Dict[str, torch.Tensor]:
    """Seeded smooth random frames, actions and poses; the state from REFERENCE_WARMUP steps."""
    g = torch.Generator().manual_seed(seed)
    b = REFERENCE_BATCH

    def frame() -> torch.Tensor:
        coarse = torch.rand(b, 3, max(1, size // 4), max(1, size // 4), generator=g)
        return torch.nn.functional.interpolate(coarse, size=(size, size), mode="bilinear", align_corners=False)

    def action() -> torch.Tensor:
        return torch.rand(b, ACTION_SIZE, generator=g) * 2 - 1

    def pose() -> torch.Tensor:
        yaw = torch.rand(b, generator=g) * 6.2832 - 3.1416
        xyz = torch.rand(b, 3, generator=g) * 2 - 1
        pitch = torch.rand(b, 1, generator=g) * 2 - 1
        return torch.cat([xyz, torch.sin(yaw)[:, None], torch.cos(yaw)[:, None], pitch], dim=1)

    state = model.zero_state(b, size, size)
    with torch.no_grad():
        for _ in range(REFERENCE_WARMUP):
            _, state = model(frame(), action(), pose(), state)
    return {"frame": frame(), "action": action(), "pose": pose(), "state": state}


def export_onnx(model: WorldModel, size: int, path: str) -> None:
    example = reference_inputs(model, size, 0)
    args = tuple(example[n] for n in INPUT_NAMES)
    dynamic = {
        "frame": {0: "batch", 2: "height", 3: "width"},
        "action": {0: "batch"},
        "pose": {0: "batch"},
        "state": {0: "batch", 2: "stateHeight", 3: "stateWidth"},
        "next_frame": {0: "batch", 2: "height", 3: "width"},
        "next_state": {0: "batch", 2: "stateHeight", 3: "stateWidth"},
    }
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        # torch 1.13 warns that prim::Constant has no shape inference; the graph is checked below
        # and the reference test holds onnxruntime to PyTorch.
        warnings.filterwarnings("ignore", message="The shape inference of prim::Constant")
        warnings.filterwarnings("ignore", message="You are using the legacy TorchScript-based ONNX export")
        extra = {}
        if "dynamo" in inspect.signature(torch.onnx.export).parameters:
            extra["dynamo"] = False  # torch ≥ 2.9 defaults to the dynamo exporter; this is the TorchScript one
        torch.onnx.export(model, args, tmp, opset_version=OPSET, input_names=INPUT_NAMES, output_names=OUTPUT_NAMES,
                          dynamic_axes=dynamic, do_constant_folding=True, **extra)
        import onnx  # checked here so a missing package fails before anything is written

        proto = onnx.load(tmp)
        onnx.checker.check_model(proto)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_json(path: str, value: Dict) -> None:
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    if not os.path.isfile(args.checkpoint):
        raise SystemExit(f"export-model: {args.checkpoint} does not exist; train first (npm run train)")
    ckpt = load_checkpoint(args.checkpoint)
    if ckpt.get("format") != "worldsmith-checkpoint":
        raise SystemExit(f"export-model: {args.checkpoint} is not a Worldsmith training checkpoint")
    torch.set_num_threads(1)
    model = WorldModel(ModelConfig.from_dict(ckpt["modelConfig"]))
    model.load_state_dict(ckpt["model"])
    model.eval()
    meta = ckpt["dataset"]["meta"]
    size = int(meta["frameSize"])
    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, "model.onnx")
    export_onnx(model, size, onnx_path)

    ref_in = reference_inputs(model, size, args.reference_seed)
    with torch.no_grad():
        next_frame, next_state = model(*(ref_in[n] for n in INPUT_NAMES))
    write_json(os.path.join(args.out, "reference.json"), {
        "format": "worldsmith-model-reference", "version": 1,
        "description": f"{REFERENCE_BATCH} streams at {size}x{size}, state warmed by {REFERENCE_WARMUP} steps; "
                       "PyTorch outputs; tensors are base64 little-endian float32",
        "torch": torch.__version__, "seed": args.reference_seed, "tolerance": REFERENCE_TOLERANCE,
        "inputs": {n: encode(ref_in[n]) for n in INPUT_NAMES},
        "outputs": {"next_frame": encode(next_frame), "next_state": encode(next_state)},
    })

    training = dict(ckpt["training"])
    training["dataset"] = {k: ckpt["dataset"][k] for k in ("index", "indexSha256", "episodes", "frames")}
    scaled = model.channels
    card = {
        "format": "worldsmith-model-card", "version": 1,
        "name": args.name or os.path.basename(os.path.abspath(args.out)),
        "onnx": "model.onnx", "onnxSha256": sha256(onnx_path), "opset": OPSET,
        "frame": {"width": size, "height": size, "channels": 3, "layout": "NCHW", "range": [0, 1]},
        "fps": meta["fps"], "fovDegrees": meta["fovDegrees"],
        "contextFrames": int(ckpt["args"]["context"]),
        "actionSpace": meta["actionSpace"],
        "pose": {"used": True, "fields": ["x", "y", "z", "yaw", "pitch"],
                 "center": ckpt["pose"]["center"], "scale": ckpt["pose"]["scale"]},
        "state": {"channels": model.state_channels, "downsample": DOWNSAMPLE},
        **tensor_specs(model.state_channels),
        "worlds": meta["worlds"],
        "training": training,
        "architecture": {
            "name": "flow-warp ConvGRU (models/training/model.py)",
            "widthMult": model.config.width_mult,
            "encoder": scaled.enc, "stateChannels": scaled.state_channels, "decoder": scaled.dec,
            "flopsPerFrame": {str(s): count_flops(model, s, s) for s in (64, 128)},
        },
        "metrics": {},
    }
    write_json(os.path.join(args.out, "model-card.json"), card)
    kib = os.path.getsize(onnx_path) / 1024
    print(f"export-model: wrote {onnx_path} ({kib:.0f} KiB, opset {OPSET}), model-card.json and reference.json "
          f"in {args.out} (step {ckpt['step']}, {size}x{size})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
