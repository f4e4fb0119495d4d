package org.corpusbench.internal;

import java.util.List;

/** A Markdown table with aligned columns: readable in a terminal and pasteable into a README. */
public final class TextTable {

    private TextTable() {
    }

    public static String markdown(List<String[]> rows) {
        return markdown(rows, 1);
    }

    /** The first {@code textColumns} columns are left-aligned, the rest (numbers) right-aligned. */
    public static String markdown(List<String[]> rows, int textColumns) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            sb.append('|');
            for (int i = 0; i < cols; i++) {
                String pad = " ".repeat(w[i] - r[i].length());
                sb.append(' ').append(i < textColumns ? r[i] + pad : pad + r[i]).append(" |");
            }
            sb.append('\n');
            if (ri == 0) {
                sb.append('|');
                for (int i = 0; i < cols; i++) {
                    sb.append(i < textColumns ? ":" : "-").append("-".repeat(w[i])).append(i < textColumns ? "-|" : ":|");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
