"""Worldsmith world-model training: dataset reader, model, trainer and ONNX exporter (PyTorch)."""
