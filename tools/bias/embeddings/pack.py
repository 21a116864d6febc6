#!/usr/bin/env python3
"""Packs the distilled word vectors into stereotype-embeddings.bin, the stereotype model's word-meaning table.

Input: the vocabulary (vocab.py) and its 384-dim all-MiniLM-L6-v2 vectors (Distill.java, float32 big-endian, one row
per word). The vectors are centred on their mean, projected on their first DIMS principal components (numpy eigh of the
covariance, float64; each component's sign fixed so that its largest-magnitude loading is positive: no random state),
and quantized to int8 with one scale for the whole table (value = int8 * scale, scale = max |x| / 127).

File (big-endian): magic "GRSE", format 1, dims, count, scale (float32), then per word: length (1 byte), the word
(ASCII), dims int8; then the CRC-32 of all preceding bytes as a long.
Usage: python3 tools/bias/embeddings/pack.py vocab.txt vectors.f32 out.bin [dims]
"""
import struct, sys, zlib

import numpy as np

DIMS = 64


def main():
    words = open(sys.argv[1], encoding='ascii').read().split('\n')[:-1]
    dims = int(sys.argv[4]) if len(sys.argv) > 4 else DIMS
    v = np.fromfile(sys.argv[2], dtype='>f4').astype(np.float64).reshape(-1, 384)
    assert len(words) == v.shape[0], (len(words), v.shape)
    mean = v.mean(axis=0)
    x = v - mean
    cov = x.T @ x / len(x)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(-vals, kind='stable')[:dims]
    comp = vecs[:, order]
    for j in range(dims):
        if comp[np.argmax(np.abs(comp[:, j])), j] < 0:
            comp[:, j] = -comp[:, j]
    p = x @ comp
    scale = float(np.abs(p).max()) / 127.0
    q = np.clip(np.rint(p / scale), -127, 127).astype(np.int8)
    keep = range(len(words))
    body = bytearray(b'GRSE' + struct.pack('>iiif', 1, dims, len(keep), scale))
    for i in keep:
        w = words[i].encode('ascii')
        body += struct.pack('>B', len(w)) + w + q[i].tobytes()
    body += struct.pack('>q', zlib.crc32(bytes(body)))
    open(sys.argv[3], 'wb').write(bytes(body))
    print('%d words, %d dims, variance kept %.3f, scale %.6g, %d bytes' % (
        len(keep), dims, vals[order].sum() / vals.sum(), scale, len(body)), file=sys.stderr)


if __name__ == '__main__':
    main()
