"""Reads a Worldsmith dataset directory (models/CONTRACT.md, version 1) into memory and samples
training windows.

Everything is loaded once: frames as one uint8 tensor [N, 3, H, W] (a 200 MB dataset stays 200 MB),
actions [N, 4] and pose features [N, 6] as float32. On CUDA the tensors move to the GPU once and
windows are gathered there. A window of length L starts at a frame whose episode has at least L
frames from it; every such start is equally likely.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

import numpy as np
import torch

SPLITS = ("train", "validation", "test", "test-unseen-world")


class DatasetError(Exception):
    """A dataset directory that does not meet the contract; the message names the file and field."""


@dataclass
class PoseNormalisation:
    center: List[float]  # [cx, cy, cz]
    scale: List[float]   # [sx, sy, sz, sp]

    def features(self, poses: np.ndarray) -> np.ndarray:
        """[n, 5] poses (x, y, z, yaw, pitch) -> [n, 6] features per the contract."""
        c, s = self.center, self.scale
        out = np.empty((poses.shape[0], 6), dtype=np.float32)
        out[:, 0] = (poses[:, 0] - c[0]) / s[0]
        out[:, 1] = (poses[:, 1] - c[1]) / s[1]
        out[:, 2] = (poses[:, 2] - c[2]) / s[2]
        out[:, 3] = np.sin(poses[:, 3])
        out[:, 4] = np.cos(poses[:, 3])
        out[:, 5] = poses[:, 4] / s[3]
        return out


def pose_normalisation(index: Dict) -> PoseNormalisation:
    """Centre and scale from the dataset's worlds.

    Worlds are centred on the origin in x and z (the terrain spans ±size/2), so cx = cz = 0 and
    sx = sz = the largest half size; cy is the mean of the worlds' mid heights plus the eye
    height and sy half the largest height span (at least 1 m); sp is maxPitch in radians. Every
    feature then lies in about [−1, 1].
    """
    worlds = index.get("worlds") or []
    if not worlds:
        raise DatasetError("index.json: worlds is empty; the pose features need the worlds' sizes and height ranges")
    eye = float(index.get("actionSpace", {}).get("eyeHeight", 1.7))
    # `size` is the larger side in metres (an early writer gave [width, depth]: take the larger).
    half = max(float(max(w["size"]) if isinstance(w["size"], list) else w["size"]) / 2.0 for w in worlds)
    mids = [(float(w["heightRange"][0]) + float(w["heightRange"][1])) / 2.0 for w in worlds]
    spans = [(float(w["heightRange"][1]) - float(w["heightRange"][0])) / 2.0 for w in worlds]
    max_pitch = math.radians(float(index.get("actionSpace", {}).get("maxPitchDegrees", 45)))
    return PoseNormalisation(
        center=[0.0, sum(mids) / len(mids) + eye, 0.0],
        scale=[half, max(1.0, max(spans)), half, max_pitch],
    )


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_index(data_dir: str) -> Dict:
    path = os.path.join(data_dir, "index.json")
    if not os.path.isfile(path):
        raise DatasetError(f"{path}: not found; --data must be a directory written by `worldsmith dataset`")
    with open(path, "r", encoding="utf-8") as f:
        index = json.load(f)
    if index.get("format") != "worldsmith-dataset" or index.get("version") != 1:
        raise DatasetError(f"{path}: format/version is {index.get('format')!r}/{index.get('version')!r}, "
                           "expected 'worldsmith-dataset'/1")
    return index


class WorldDataset:
    """One split of a dataset, in memory."""

    def __init__(self, data_dir: str, split: str, norm: Optional[PoseNormalisation] = None,
                 device: torch.device | str = "cpu", index: Optional[Dict] = None):
        if split not in SPLITS:
            raise DatasetError(f"split {split!r} is not one of {', '.join(SPLITS)}")
        self.data_dir = data_dir
        self.index = index if index is not None else read_index(data_dir)
        self.split = split
        self.norm = norm or pose_normalisation(self.index)
        size = int(self.index["frameSize"])
        self.height = self.width = size
        episodes = [e for e in self.index["episodes"] if e.get("split") == split]
        self.episodes = episodes

        shard_frames: Dict[str, np.ndarray] = {}
        shard_meta: Dict[str, Dict[str, Dict]] = {}
        frames: List[np.ndarray] = []
        actions: List[np.ndarray] = []
        poses: List[np.ndarray] = []
        self.episode_starts: List[int] = []
        total = 0
        for ep in episodes:
            shard = ep["shard"]
            if shard not in shard_frames:
                shard_frames[shard] = self._read_frames(shard, size)
                shard_meta[shard] = self._read_meta(shard)
            meta = shard_meta[shard].get(ep["id"])
            if meta is None:
                raise DatasetError(f"{shard}.json: episode {ep['id']!r} listed in index.json is missing")
            n, off = int(ep["frames"]), int(ep["offset"])
            block = shard_frames[shard]
            if off + n > block.shape[0]:
                raise DatasetError(f"{shard}.frames.gz: episode {ep['id']!r} needs frames {off}…{off + n - 1}, "
                                   f"the shard has {block.shape[0]}")
            a = np.asarray(meta["actions"], dtype=np.float32).reshape(-1, 4)
            p = np.asarray(meta["poses"], dtype=np.float64).reshape(-1, 5)
            if a.shape[0] != n or p.shape[0] != n:
                raise DatasetError(f"{shard}.json: episode {ep['id']!r} has {a.shape[0]} actions and "
                                   f"{p.shape[0]} poses for {n} frames")
            frames.append(block[off:off + n])
            actions.append(a)
            poses.append(self.norm.features(p))
            self.episode_starts.append(total)
            total += n
        self.episode_lengths = [int(e["frames"]) for e in episodes]
        self.num_frames = total
        if total == 0:
            self.frames = torch.zeros(0, 3, size, size, dtype=torch.uint8)
            self.actions = torch.zeros(0, 4)
            self.poses = torch.zeros(0, 6)
        else:
            # [N, H, W, 3] -> [N, 3, H, W], once.
            self.frames = torch.from_numpy(np.ascontiguousarray(np.concatenate(frames).transpose(0, 3, 1, 2)))
            self.actions = torch.from_numpy(np.concatenate(actions))
            self.poses = torch.from_numpy(np.concatenate(poses))
        self.device = torch.device(device)
        self.frames = self.frames.to(self.device)
        self.actions = self.actions.to(self.device)
        self.poses = self.poses.to(self.device)
        self._starts_cache: Dict[int, torch.Tensor] = {}

    def _read_frames(self, shard: str, size: int) -> np.ndarray:
        path = os.path.join(self.data_dir, shard + ".frames.gz")
        if not os.path.isfile(path):
            raise DatasetError(f"{path}: not found (listed in index.json)")
        with gzip.open(path, "rb") as f:
            raw = f.read()
        per = size * size * 3
        if len(raw) % per:
            raise DatasetError(f"{path}: {len(raw)} bytes is not a whole number of {size}x{size}x3 frames")
        return np.frombuffer(raw, dtype=np.uint8).reshape(-1, size, size, 3)

    def _read_meta(self, shard: str) -> Dict[str, Dict]:
        path = os.path.join(self.data_dir, shard + ".json")
        if not os.path.isfile(path):
            raise DatasetError(f"{path}: not found (listed in index.json)")
        with open(path, "r", encoding="utf-8") as f:
            data = json.load(f)
        return {e["id"]: e for e in data["episodes"]}

    def window_starts(self, length: int) -> torch.Tensor:
        """Global indices of the frames where a window of `length` frames can start."""
        if length not in self._starts_cache:
            starts = [s + k for s, n in zip(self.episode_starts, self.episode_lengths) for k in range(n - length + 1)]
            self._starts_cache[length] = torch.tensor(starts, dtype=torch.long, device=self.device)
        return self._starts_cache[length]

    def gather(self, starts: torch.Tensor, length: int) -> Dict[str, torch.Tensor]:
        """Windows at the given starts: frames float [B, L, 3, H, W] in 0…1, actions [B, L, 4],
        pose features [B, L, 6]."""
        idx = starts[:, None] + torch.arange(length, device=starts.device)[None, :]
        return {
            "frames": self.frames[idx].float().div_(255.0),
            "actions": self.actions[idx],
            "poses": self.poses[idx],
        }

    def sample(self, batch: int, length: int, generator: torch.Generator) -> Dict[str, torch.Tensor]:
        """`batch` random windows of `length` frames (the generator lives on the CPU)."""
        starts = self.window_starts(length)
        if starts.numel() == 0:
            raise DatasetError(f"split {self.split!r} has no episode of at least {length} frames "
                               f"(context + rollout); lower --rollout or make longer episodes")
        pick = torch.randint(0, starts.numel(), (batch,), generator=generator)
        return self.gather(starts[pick.to(starts.device)], length)

    def fixed_windows(self, count: int, length: int, seed: int) -> torch.Tensor:
        """`count` window starts spread over the split, the same for a seed (for validation)."""
        starts = self.window_starts(length)
        if starts.numel() == 0:
            return starts
        g = torch.Generator().manual_seed(seed)
        pick = torch.randperm(starts.numel(), generator=g)[:count]
        return starts[pick.to(starts.device)]


def dataset_summary(data_dir: str, index: Dict) -> Dict:
    return {
        "index": os.path.normpath(os.path.join(data_dir, "index.json")),
        "indexSha256": file_sha256(os.path.join(data_dir, "index.json")),
        "episodes": len(index["episodes"]),
        "frames": int(sum(int(e["frames"]) for e in index["episodes"])),
    }


__all__: Sequence[str] = ("WorldDataset", "DatasetError", "PoseNormalisation", "pose_normalisation",
                          "read_index", "dataset_summary", "file_sha256")
