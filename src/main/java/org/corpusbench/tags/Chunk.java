package org.corpusbench.tags;

/** A chunk decoded from tags: its type and token indexes {@code [start, end)}. */
public record Chunk(String type, int start, int end) {
}
