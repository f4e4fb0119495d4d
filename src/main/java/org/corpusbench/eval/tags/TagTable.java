package org.corpusbench.eval.tags;

import java.util.Arrays;

/**
 * Numbers the distinct tags of an input by their bytes, so that each is decoded once and a line costs a
 * look-up (issue 15: both byte-level scorers, {@link ConllevalCounter} and {@link TagEvaluator}'s, read tags
 * through this one table and keep what their rules need per number). Open addressing over the bytes, without
 * an object per look-up. Numbers are dense, from 0, in order of first appearance. Not thread-safe.
 */
final class TagTable {

    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    /** Number + 1 of the tag in each slot, 0 for an empty slot; the length is a power of two. */
    private int[] slots = new int[64];
    private int size;

    /** The number of the tag {@code buf[from, to)}, given a new one (equal to {@link #size()} - 1) if unseen. */
    int intern(byte[] buf, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        h ^= h >>> 16;
        int mask = slots.length - 1;
        for (int s = h & mask;; s = s + 1 & mask) {
            int id = slots[s] - 1;
            if (id < 0) {
                return add(buf, from, to, h, s);
            }
            if (hashes[id] == h && Arrays.equals(keys[id], 0, keys[id].length, buf, from, to)) {
                return id;
            }
        }
    }

    private int add(byte[] buf, int from, int to, int h, int slot) {
        int id = size++;
        if (id == keys.length) {
            keys = Arrays.copyOf(keys, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        keys[id] = Arrays.copyOfRange(buf, from, to);
        hashes[id] = h;
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            int[] bigger = new int[slots.length * 2];
            int mask = bigger.length - 1;
            for (int k = 0; k < size; k++) {
                int s = hashes[k] & mask;
                while (bigger[s] != 0) {
                    s = s + 1 & mask;
                }
                bigger[s] = k + 1;
            }
            slots = bigger;
        }
        return id;
    }

    /** The number of distinct tags seen. */
    int size() {
        return size;
    }

    /** The bytes of tag {@code id} (the table's own copy: do not change it). */
    byte[] bytes(int id) {
        return keys[id];
    }
}
