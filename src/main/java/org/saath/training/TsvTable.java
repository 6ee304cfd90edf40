package org.saath.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated file with a header line, read without quoting (a field never holds a tab or a newline).
 * Columns are found by their header name, so files may carry extra columns.
 */
public record TsvTable(Path file, List<String> header, List<String[]> rows) {

    public static TsvTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new CorpusException(file + ": empty file (expected a header line)");
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        List<String[]> rows = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            rows.add(lines.get(i).split("\t", -1));
        }
        return new TsvTable(file, header, rows);
    }

    /** The index of column {@code name}; a file without it fails naming the file. */
    public int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new CorpusException(file + ": the header has no '" + name + "' column (found " + header + ")");
        }
        return index;
    }

    public boolean hasColumn(String name) {
        return header.contains(name);
    }

    /** The field of row {@code row} (0-based, header excluded) or "" when the line is short. */
    public String field(int row, int column) {
        String[] cells = rows.get(row);
        return column < cells.length ? cells[column] : "";
    }

    /** {@code file:line} of a row, counting the header as line 1. */
    public String origin(int row) {
        return file + ":" + (row + 2);
    }
}
