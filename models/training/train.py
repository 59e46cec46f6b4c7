"""Train the world model on a Worldsmith dataset.

    python -m models.training.train --data out/dataset --out out/model [--steps 5000] [--batch 16] ...

Recipe: each step samples windows of context + rollout frames, warms the recurrent state on the
context's true frames, then rolls out feeding the model's own predictions back (with a little
Gaussian noise), backpropagating through the whole window. Loss: L1 plus a small image-gradient
term over every rollout frame. The rollout length grows from 2 to --rollout over the first
--curriculum fraction of the steps. AdamW, linear warm-up then cosine decay, gradient clipping.
Deterministic given --seed on the CPU.

Writes into --out: checkpoint.pt (atomic, every --checkpoint-every steps and at the end),
loss-log.jsonl (appended on --resume) and training.json.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shlex
import sys
import time
from typing import Dict, List, Optional

import torch
import torch.nn.functional as F

from .dataset import DatasetError, WorldDataset, dataset_summary, pose_normalisation, read_index
from .model import DOWNSAMPLE, ModelConfig, WorldModel, count_flops, count_parameters
from .rollout import rollout

CHECKPOINT = "checkpoint.pt"
LOSS_LOG = "loss-log.jsonl"
SUMMARY = "training.json"
EVAL_HORIZONS = "1,16"


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="train", description="Train the Worldsmith world model (models/CONTRACT.md).",
                                epilog="example: npm run train -- --data out/dataset --out out/model --steps 5000")
    p.add_argument("--data", required=True, help="dataset directory (index.json, shards/)")
    p.add_argument("--out", required=True, help="output directory (checkpoint.pt, loss-log.jsonl, training.json)")
    p.add_argument("--steps", type=int, default=5000, help="total optimiser steps (with --resume: the new total)")
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--context", type=int, default=4, help="true frames that warm the state (the card's contextFrames)")
    p.add_argument("--rollout", type=int, default=16, help="predicted frames per window (fed back)")
    p.add_argument("--curriculum", type=float, default=0.3,
                   help="fraction of the steps over which the rollout grows from 2 to --rollout (0: no curriculum)")
    p.add_argument("--feed-noise", type=float, default=0.01, help="std of the noise added to frames fed back")
    p.add_argument("--grad-loss", type=float, default=0.5, help="weight of the image-gradient L1 term")
    p.add_argument("--clip", type=float, default=1.0, help="gradient norm clip")
    p.add_argument("--warmup", type=int, default=100, help="linear LR warm-up steps")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--threads", type=int, default=1, help="CPU threads for torch (1 is fastest for this model)")
    p.add_argument("--bf16", action="store_true", help="bfloat16 autocast (CUDA only)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--resume", action="store_true", help="continue from --out/checkpoint.pt")
    p.add_argument("--eval-every", type=int, default=500, help="validation every N steps (and at the end); 0: only at the end")
    p.add_argument("--eval-windows", type=int, default=64, help="validation windows")
    p.add_argument("--eval-horizons", default=EVAL_HORIZONS,
                   help="rollout steps scored at validation, comma-separated (capped at the longest the split allows)")
    p.add_argument("--checkpoint-every", type=int, default=500)
    p.add_argument("--log-every", type=int, default=10, help="loss-log line every N steps (mean loss over them)")
    p.add_argument("--width-mult", type=float, default=1.0, help="channel multiplier of the network")
    return p.parse_args(argv)


def pick_device(name: str) -> torch.device:
    if name == "cuda" and not torch.cuda.is_available():
        raise SystemExit("train: --device cuda but torch.cuda.is_available() is false (torch "
                         f"{torch.__version__}); use --device cpu or a CUDA build of torch")
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(name)


def device_name(device: torch.device) -> str:
    if device.type == "cuda":
        return f"cuda: {torch.cuda.get_device_name(device)}"
    return f"cpu: {platform.processor() or platform.machine()} ({torch.get_num_threads()} thread(s))"


def lr_at(step: int, total: int, base: float, warmup: int) -> float:
    """LR for 0-based step: linear warm-up, then cosine to 5% of base at the last step."""
    if step < warmup:
        return base * (step + 1) / warmup
    span = max(1, total - warmup)
    t = min(1.0, (step - warmup) / span)
    return base * (0.05 + 0.95 * 0.5 * (1.0 + math.cos(math.pi * t)))


def rollout_at(step: int, total: int, final: int, curriculum: float) -> int:
    if curriculum <= 0 or final <= 2:
        return final
    ramp = max(1, int(total * curriculum))
    return min(final, 2 + (final - 2) * step // ramp)


def image_loss(pred: torch.Tensor, target: torch.Tensor, grad_weight: float) -> torch.Tensor:
    loss = (pred - target).abs().mean()
    if grad_weight > 0:
        dxp, dxt = pred[..., :, 1:] - pred[..., :, :-1], target[..., :, 1:] - target[..., :, :-1]
        dyp, dyt = pred[..., 1:, :] - pred[..., :-1, :], target[..., 1:, :] - target[..., :-1, :]
        loss = loss + grad_weight * 0.5 * ((dxp - dxt).abs().mean() + (dyp - dyt).abs().mean())
    return loss


def psnr(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Per-image PSNR (dB) over the last three dims, images in 0…1."""
    mse = ((pred.float() - target.float()) ** 2).flatten(-3).mean(-1).clamp_min(1e-10)
    return 10.0 * torch.log10(1.0 / mse)


@torch.no_grad()
def evaluate(model: WorldModel, data: WorldDataset, context: int, windows: int, seed: int,
             batch: int, horizons: List[int]) -> Optional[Dict]:
    """Mean PSNR at the given rollout steps (each capped at the longest the split allows) and the
    repeat-last-frame baseline's, over fixed windows."""
    longest = max(data.episode_lengths, default=0) - context
    if longest < 1:
        return None
    horizons = sorted({min(h, longest) for h in horizons})
    length = context + horizons[-1]
    starts = data.fixed_windows(windows, length, seed)
    was_training = model.training
    model.eval()
    sums = {h: 0.0 for h in horizons}
    base = {h: 0.0 for h in horizons}
    for i in range(0, starts.numel(), batch):
        w = data.gather(starts[i:i + batch], length)
        preds = rollout(model, w, context, horizons[-1])
        for h in horizons:
            target = w["frames"][:, context - 1 + h]
            sums[h] += float(psnr(preds[:, h - 1], target).sum())
            base[h] += float(psnr(w["frames"][:, context - 1], target).sum())
    model.train(was_training)
    n = max(1, starts.numel())
    return {"windows": int(starts.numel()),
            "psnr": {str(h): round(sums[h] / n, 4) for h in horizons},
            "repeatLastFramePsnr": {str(h): round(base[h] / n, 4) for h in horizons}}


def truncate_log(path: str, step: int) -> None:
    """Drop log lines after `step` (written after the checkpoint a resumed run starts from)."""
    if not os.path.exists(path):
        return
    with open(path, "r", encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and json.loads(line)["step"] <= step]
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.writelines(lines)
    os.replace(tmp, path)


def atomic_save(obj, path: str) -> None:
    tmp = f"{path}.tmp-{os.getpid()}"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def load_checkpoint(path: str) -> Dict:
    try:
        return torch.load(path, map_location="cpu", weights_only=False)
    except TypeError:  # torch without weights_only
        return torch.load(path, map_location="cpu")


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    command = "python -m models.training.train " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    if args.context < 1 or args.rollout < 1 or args.steps < 0 or args.batch < 1:
        raise SystemExit("train: --context and --rollout must be ≥ 1, --batch ≥ 1, --steps ≥ 0")
    try:
        horizons = sorted({int(h) for h in args.eval_horizons.split(",") if h.strip()})
    except ValueError:
        raise SystemExit(f"train: --eval-horizons {args.eval_horizons!r} is not a comma-separated list of steps")
    if not horizons or horizons[0] < 1:
        raise SystemExit("train: --eval-horizons needs steps ≥ 1, e.g. 1,16,64")
    device = pick_device(args.device)
    if device.type == "cpu":
        torch.set_num_threads(max(1, args.threads))
    else:
        # TF32 is fine for this model. (cuDNN autotuning made no difference: a step is bound by
        # kernel launches, not arithmetic.)
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    os.makedirs(args.out, exist_ok=True)
    ckpt_path = os.path.join(args.out, CHECKPOINT)

    try:
        index = read_index(args.data)
        norm = pose_normalisation(index)
        train_set = WorldDataset(args.data, "train", norm, device, index)
        val_set = WorldDataset(args.data, "validation", norm, device, index)
    except DatasetError as e:
        raise SystemExit(f"train: {e}")
    if val_set.num_frames == 0:
        print("train: the validation split is empty; validating on the training split", flush=True)
        val_set = train_set
    size = train_set.height
    if size % DOWNSAMPLE:
        raise SystemExit(f"train: frameSize {size} is not a multiple of {DOWNSAMPLE}")

    torch.manual_seed(args.seed)
    sampler = torch.Generator().manual_seed(args.seed)
    model_config = ModelConfig(width_mult=args.width_mult, fov_degrees=float(index.get("fovDegrees", 60)))
    start_step, prior_seconds = 0, 0.0
    resumed = None
    if args.resume:
        if not os.path.isfile(ckpt_path):
            raise SystemExit(f"train: --resume but {ckpt_path} does not exist")
        resumed = load_checkpoint(ckpt_path)
        model_config = ModelConfig.from_dict(resumed["modelConfig"])
        start_step = int(resumed["step"])
        prior_seconds = float(resumed.get("seconds", 0.0))
    model = WorldModel(model_config).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    if resumed is not None:
        model.load_state_dict(resumed["model"])
        optimizer.load_state_dict(resumed["optimizer"])
        torch.set_rng_state(resumed["rng"]["torch"])
        sampler.set_state(resumed["rng"]["sampler"])
        if device.type == "cuda" and resumed["rng"].get("cuda") is not None:
            torch.cuda.set_rng_state(resumed["rng"]["cuda"], device)
        print(f"train: resuming from {ckpt_path} at step {start_step}", flush=True)
        truncate_log(os.path.join(args.out, LOSS_LOG), start_step)
    elif os.path.exists(os.path.join(args.out, LOSS_LOG)):
        os.remove(os.path.join(args.out, LOSS_LOG))

    params = count_parameters(model)
    flops = count_flops(model, size, size)
    summary_data = dataset_summary(args.data, index)
    dataset_meta = {k: index.get(k) for k in ("frameSize", "channels", "fps", "fovDegrees", "actionSpace", "pose", "worlds")}
    print(f"train: {params} parameters, {flops / 1e6:.1f} MFLOPs/frame at {size}x{size}, "
          f"{train_set.num_frames} training frames in {len(train_set.episodes)} episodes, "
          f"{val_set.num_frames} validation frames, {device_name(device)}, torch {torch.__version__}", flush=True)

    def save(step: int, seconds: float) -> None:
        atomic_save({
            "format": "worldsmith-checkpoint", "version": 1,
            "model": {k: v.detach().cpu() for k, v in model.state_dict().items()},
            "modelConfig": model_config.to_dict(),
            "optimizer": optimizer.state_dict(),
            "step": step, "seconds": seconds,
            "args": vars(args),
            "rng": {"torch": torch.get_rng_state(), "sampler": sampler.get_state(),
                    "cuda": torch.cuda.get_rng_state(device) if device.type == "cuda" else None},
            "pose": {"center": norm.center, "scale": norm.scale},
            "dataset": dict(summary_data, **{"meta": dataset_meta}),
            "training": training_block(step, seconds),
        }, ckpt_path)

    def training_block(step: int, seconds: float) -> Dict:
        return {"command": command, "dataset": summary_data, "device": device_name(device), "steps": step,
                "seconds": round(seconds, 3), "parameters": params, "flopsPerFrame": flops, "torch": torch.__version__}

    if args.bf16 and device.type != "cuda":
        print("train: --bf16 is for CUDA; training in float32 on the CPU", flush=True)
    log = open(os.path.join(args.out, LOSS_LOG), "a", encoding="utf-8")
    autocast = (torch.autocast(device_type="cuda", dtype=torch.bfloat16) if args.bf16 and device.type == "cuda"
                else None)
    model.train()
    t0 = time.time()
    seconds = prior_seconds
    running, count = 0.0, 0
    eval_seconds = 0.0
    last_eval: Optional[Dict] = None
    step = start_step
    try:
        for step in range(start_step + 1, args.steps + 1):
            r = rollout_at(step - 1, args.steps, args.rollout, args.curriculum)
            lr = lr_at(step - 1, args.steps, args.lr, args.warmup)
            for g in optimizer.param_groups:
                g["lr"] = lr
            window = train_set.sample(args.batch, args.context + r, sampler)
            if autocast is not None:
                with autocast:
                    preds = rollout(model, window, args.context, r, args.feed_noise)
            else:
                preds = rollout(model, window, args.context, r, args.feed_noise)
            target = window["frames"][:, args.context:args.context + r]
            loss = image_loss(preds.float(), target, args.grad_loss)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            optimizer.step()
            running += float(loss.detach())
            count += 1
            seconds = prior_seconds + (time.time() - t0)
            is_last = step == args.steps
            do_eval = is_last or (args.eval_every > 0 and step % args.eval_every == 0)
            if count and (step % args.log_every == 0 or is_last or do_eval or step == start_step + 1):
                entry = {"step": step, "loss": round(running / count, 6), "lr": lr, "rollout": r,
                         "seconds": round(seconds, 3)}
                train_ms = 1000 * (time.time() - t0 - eval_seconds) / (step - start_step)
                if do_eval:
                    e0 = time.time()
                    last_eval = evaluate(model, val_set, args.context, args.eval_windows, args.seed, args.batch,
                                         horizons)
                    eval_seconds += time.time() - e0
                    if last_eval is not None:
                        entry["validation"] = last_eval
                log.write(json.dumps(entry) + "\n")
                log.flush()
                line = (f"step {step}/{args.steps} loss {entry['loss']:.5f} lr {lr:.2e} rollout {r} "
                        f"{seconds:.1f} s ({train_ms:.0f} ms/step)")
                if do_eval and last_eval is not None:
                    line += " | validation PSNR " + ", ".join(
                        f"@{h} {v:.2f} dB (repeat-last {last_eval['repeatLastFramePsnr'][h]:.2f})"
                        for h, v in last_eval["psnr"].items())
                print(line, flush=True)
                running, count = 0.0, 0
            if (args.checkpoint_every > 0 and step % args.checkpoint_every == 0) and not is_last:
                save(step, seconds)
        final_step = max(step, start_step)
        save(final_step, seconds)
    finally:
        log.close()

    summary = {
        "format": "worldsmith-training", "version": 1,
        **training_block(final_step, seconds),
        "python": sys.version.split()[0],
        "frameSize": size, "contextFrames": args.context, "rollout": args.rollout,
        "batch": args.batch, "lr": args.lr, "seed": args.seed, "widthMult": args.width_mult,
        "stateChannels": model.state_channels, "downsample": DOWNSAMPLE,
        "pose": {"center": norm.center, "scale": norm.scale},
        "validation": last_eval,
    }
    tmp = os.path.join(args.out, SUMMARY + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    os.replace(tmp, os.path.join(args.out, SUMMARY))
    print(f"train: done, step {final_step}, {seconds:.1f} s; wrote {ckpt_path}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
