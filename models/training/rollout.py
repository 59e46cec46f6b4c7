"""The contract's rollout (models/CONTRACT.md, "A rollout"), shared by training, validation and
the exporter's reference: warm up on K true frames (each with the action that led to it, the first
with zeros, and its own pose), then feed the last frame back with the next action and pose."""
from __future__ import annotations

from typing import Dict

import torch

from .model import WorldModel


def warm_up(model: WorldModel, window: Dict[str, torch.Tensor], context: int) -> torch.Tensor:
    frames, actions, poses = window["frames"], window["actions"], window["poses"]
    b, _, _, h, w = frames.shape
    state = model.zero_state(b, h, w, frames.device)
    for i in range(context):
        action = torch.zeros_like(actions[:, 0]) if i == 0 else actions[:, i]
        _, state = model(frames[:, i], action, poses[:, i], state)
    return state


def rollout(model: WorldModel, window: Dict[str, torch.Tensor], context: int, steps: int,
            feed_noise: float = 0.0) -> torch.Tensor:
    """Predictions of window frames context … context+steps−1 as [B, steps, 3, H, W].

    feed_noise adds Gaussian noise (that standard deviation) to each frame fed back, so training
    sees the kind of imperfect inputs a long rollout produces."""
    state = warm_up(model, window, context)
    last = window["frames"][:, context - 1]
    preds = []
    for n in range(1, steps + 1):
        t = context - 1 + n
        fed = last
        if feed_noise > 0.0:
            fed = (last + feed_noise * torch.randn_like(last)).clamp(0.0, 1.0)
        last, state = model(fed, window["actions"][:, t], window["poses"][:, t], state)
        preds.append(last)
    return torch.stack(preds, dim=1)
