"""The world model's step function: (frame, action, pose, state) -> (next_frame, next_state).

DESIGN NOTES (numbers at 128x128, width multiplier 1; see README.md for the diagram)
- Camera motion dominates these frames, so the network predicts a flow field (at /4, upsampled
  bilinearly) that warps the previous frame with GridSample, and a generated image for what the
  warp cannot explain (regions entering the view, disocclusions); a per-pixel mask blends them.
  The head is initialised so an untrained model returns the previous frame (the repeat-last-frame
  baseline) and training starts from there.
- Memory of the world: each cell at /8 gets the direction of its view ray (yaw of the ray as
  sin/cos, the pitch and the vertical offset) and the eye position, turned into features by 1x1
  convolutions — a small implicit map of what is seen in each direction from each place, which
  lets the network paint regions entering the view. Action and pose also modulate the encoder's
  features (FiLM).
- The recurrent state is a ConvGRU at /8 (gates 1x1, candidate 3x3) with C channels.
- Everything is convolutional with dynamic H and W (multiples of 8); image coordinates are built
  from cumulative sums of ones so the ONNX graph has no shape arithmetic. Ops: Conv, Relu,
  Sigmoid, Tanh, Mul/Add, Concat, DepthToSpace, Resize, CumSum, GridSample (opset 16+), Gemm.
- ~67 M multiply-adds per frame at 128x128 (~134 MFLOPs, ~33 MFLOPs at 64x64), 0.13 M parameters.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

DOWNSAMPLE = 8
ACTION_SIZE = 4
POSE_FEATURES = 6


@dataclass
class ModelConfig:
    width_mult: float = 1.0
    enc: List[int] = field(default_factory=lambda: [16, 32, 48])
    state_channels: int = 48
    dec: List[int] = field(default_factory=lambda: [24, 32, 8, 16])
    cond_hidden: int = 64
    memory_channels: int = 32
    fov_degrees: float = 60.0
    # Flow head output is multiplied by this (normalised image units per frame).
    flow_scale: float = 0.1

    def scaled(self) -> "ModelConfig":
        """Channel counts with the width multiplier applied (multiples of 4, at least 4)."""
        def s(c: int) -> int:
            return max(4, int(round(c * self.width_mult / 4.0)) * 4)
        return ModelConfig(
            width_mult=1.0,
            enc=[s(c) for c in self.enc],
            state_channels=s(self.state_channels),
            dec=[s(c) for c in self.dec],
            cond_hidden=s(self.cond_hidden),
            memory_channels=s(self.memory_channels),
            fov_degrees=self.fov_degrees,
            flow_scale=self.flow_scale,
        )

    def to_dict(self) -> Dict:
        return asdict(self)

    @staticmethod
    def from_dict(d: Dict) -> "ModelConfig":
        known = {k: v for k, v in d.items() if k in ModelConfig.__dataclass_fields__}
        return ModelConfig(**known)


def _coords(like: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pixel-centre coordinates in [-1, 1] (align_corners=False) for a [B,1,H,W] tensor.

    Returns u [B,1,H,W] (columns, left -1), v [B,1,H,W] (rows, top -1) and the aspect W/H [B,1,1,1],
    built from cumulative sums so the exported graph stays dynamic in H and W.
    """
    ones = torch.ones_like(like)
    cw = torch.cumsum(ones, dim=3)
    ch = torch.cumsum(ones, dim=2)
    w = torch.sum(ones, dim=3, keepdim=True)
    h = torch.sum(ones, dim=2, keepdim=True)
    u = (2.0 * cw - 1.0) / w - 1.0
    v = (2.0 * ch - 1.0) / h - 1.0
    aspect = w[:, :, :1, :] / h[:, :, :, :1]
    return u, v, aspect


class WorldModel(nn.Module):
    """One step of the recurrent frame predictor (see the module notes)."""

    def __init__(self, config: ModelConfig | None = None):
        super().__init__()
        self.config = config or ModelConfig()
        c = self.config.scaled()
        self.channels = c
        e1, e2, e3 = c.enc
        C = c.state_channels
        u4, f4, u2, f2 = c.dec
        m = c.memory_channels
        self.state_channels = C
        self.tan_half_fov = math.tan(math.radians(self.config.fov_degrees) / 2.0)
        self.flow_scale = self.config.flow_scale

        self.enc1 = nn.Conv2d(3, e1, 3, stride=2, padding=1)
        self.enc2 = nn.Conv2d(e1, e2, 3, stride=2, padding=1)
        self.enc3 = nn.Conv2d(e2, e3, 3, stride=2, padding=1)
        self.cond1 = nn.Linear(ACTION_SIZE + POSE_FEATURES, c.cond_hidden)
        self.cond2 = nn.Linear(c.cond_hidden, 2 * e3)
        self.mem1 = nn.Conv2d(9, m, 1)
        self.mem2 = nn.Conv2d(m, m, 1)
        x_ch = e3 + m
        self.gates = nn.Conv2d(x_ch + C, 2 * C, 1)
        self.candidate = nn.Conv2d(x_ch + C, C, 3, padding=1)
        self.refine = nn.Conv2d(C, C, 3, padding=1)
        self.up4 = nn.Conv2d(C, 4 * u4, 3, padding=1)
        self.fuse4 = nn.Conv2d(u4 + e2, f4, 3, padding=1)
        self.head4 = nn.Conv2d(f4, 2 + 4 * u2, 1)
        self.fuse2 = nn.Conv2d(u2 + e1, 4 * 4, 3, padding=1)
        self.u2 = u2
        self._init_identity()

    def _init_identity(self) -> None:
        """Start as the repeat-last-frame baseline: zero flow, mask towards the warped frame."""
        with torch.no_grad():
            self.head4.weight[:2].mul_(0.1)
            self.head4.bias[:2].zero_()
            self.cond2.weight.mul_(0.1)
            self.cond2.bias.zero_()
            # channels after PixelShuffle(2): out channel k comes from conv channels 4k..4k+3
            self.fuse2.weight[12:16].mul_(0.1)
            self.fuse2.bias[12:16].fill_(3.0)

    def forward(self, frame: torch.Tensor, action: torch.Tensor, pose: torch.Tensor,
                state: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        x1 = F.relu(self.enc1(frame * 2.0 - 1.0))
        x2 = F.relu(self.enc2(x1))
        x3 = F.relu(self.enc3(x2))

        cond = torch.cat([action, pose], dim=1)
        film = self.cond2(F.relu(self.cond1(cond)))
        gamma, beta = torch.chunk(film, 2, dim=1)
        x3 = x3 * (1.0 + gamma[:, :, None, None]) + beta[:, :, None, None]

        # View-ray features per cell at /8: the ray's yaw (sin, cos) from the pose's yaw and the
        # column's angle, its vertical angle, the pitch and the eye position. Yaw runs from +z
        # toward +x and glTF is right-handed with y up, so the image's right is the smaller yaw:
        # the ray's yaw is yaw − the column's angle (rendered datasets agree: yaw growing moves
        # the picture right).
        u, v, aspect = _coords(x3[:, :1])
        off_h = torch.atan(u * (self.tan_half_fov * aspect))
        off_v = -torch.atan(v * self.tan_half_fov)
        p = pose[:, :, None, None]
        sin_yaw, cos_yaw = p[:, 3:4], p[:, 4:5]
        sin_o, cos_o = torch.sin(off_h), torch.cos(off_h)
        sin_r = sin_yaw * cos_o - cos_yaw * sin_o
        cos_r = cos_yaw * cos_o + sin_yaw * sin_o
        ones = torch.ones_like(u)
        ray = torch.cat([sin_r, cos_r, 2.0 * sin_r * cos_r, cos_r * cos_r - sin_r * sin_r,
                         off_v, p[:, 5:6] * ones, p[:, 0:1] * ones, p[:, 1:2] * ones, p[:, 2:3] * ones], dim=1)
        mem = F.relu(self.mem2(F.relu(self.mem1(ray))))

        x = torch.cat([x3, mem], dim=1)
        xh = torch.cat([x, state], dim=1)
        zr = torch.sigmoid(self.gates(xh))
        z, r = torch.chunk(zr, 2, dim=1)
        cand = torch.tanh(self.candidate(torch.cat([x, r * state], dim=1)))
        next_state = (1.0 - z) * state + z * cand

        d8 = F.relu(self.refine(next_state))
        d4 = F.relu(F.pixel_shuffle(self.up4(d8), 2))
        d4 = F.relu(self.fuse4(torch.cat([d4, x2], dim=1)))
        h4 = self.head4(d4)
        flow4 = h4[:, :2] * self.flow_scale
        d2 = F.relu(F.pixel_shuffle(h4[:, 2:], 2))
        out = F.pixel_shuffle(self.fuse2(torch.cat([d2, x1], dim=1)), 2)
        generated = torch.sigmoid(out[:, :3])
        mask = torch.sigmoid(out[:, 3:4])

        flow = F.interpolate(flow4, scale_factor=4.0, mode="bilinear", align_corners=False)
        fu, fv, _ = _coords(frame[:, :1])
        grid = torch.cat([fu + flow[:, :1], fv + flow[:, 1:2]], dim=1).permute(0, 2, 3, 1)
        warped = F.grid_sample(frame, grid, mode="bilinear", padding_mode="border", align_corners=False)
        next_frame = mask * warped + (1.0 - mask) * generated
        return next_frame, next_state

    def zero_state(self, batch: int, height: int, width: int, device=None) -> torch.Tensor:
        return torch.zeros(batch, self.state_channels, height // DOWNSAMPLE, width // DOWNSAMPLE, device=device)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def count_flops(model: WorldModel, height: int, width: int) -> int:
    """FLOPs of one step at batch 1 (2 x multiply-adds of the convolutions and linear layers,
    counted by forward hooks; element-wise ops, GridSample and Resize are not counted)."""
    total = [0]

    def conv_hook(mod: nn.Conv2d, _inp, out):
        k = mod.kernel_size[0] * mod.kernel_size[1] * (mod.in_channels // mod.groups)
        total[0] += 2 * out.numel() * k

    def linear_hook(mod: nn.Linear, _inp, out):
        total[0] += 2 * out.numel() * mod.in_features

    hooks = []
    for mod in model.modules():
        if isinstance(mod, nn.Conv2d):
            hooks.append(mod.register_forward_hook(conv_hook))
        elif isinstance(mod, nn.Linear):
            hooks.append(mod.register_forward_hook(linear_hook))
    try:
        device = next(model.parameters()).device
        with torch.no_grad():
            model(torch.zeros(1, 3, height, width, device=device), torch.zeros(1, ACTION_SIZE, device=device),
                  torch.zeros(1, POSE_FEATURES, device=device), model.zero_state(1, height, width, device))
    finally:
        for h in hooks:
            h.remove()
    return total[0]
