package org.saath.training;

import java.util.List;

import org.saath.nlu.RiskLevel;

/**
 * One risk-labelled row.
 *
 * @param risk     the gold level
 * @param text     the message
 * @param context  the same person's previous messages, oldest first (often empty)
 * @param language the language the row is written in
 * @param category what kind of message it is ({@code topic_mention}, {@code preparation}…), or "" when unknown
 * @param origin   {@code file:line}, for error messages
 */
public record RiskText(RiskLevel risk, String text, List<String> context, String language, String category,
                       String origin) {

    public RiskText {
        context = List.copyOf(context);
    }

    /** The context column's separator between messages. */
    public static final String CONTEXT_SEPARATOR = " || ";

    /**
     * The context column of a corpus or challenge row, split into messages ({@link #splitContext}). A field written
     * with "|||" is refused, naming the row: split on "||" it would give messages starting with "|", words the
     * person never wrote.
     */
    public static List<String> context(TsvTable table, int row, int column) {
        String field = table.field(row, column);
        if (field.contains("|||") || field.contains("| |")) {
            throw new CorpusException(table.origin(row) + ": the context separates messages with \""
                    + CONTEXT_SEPARATOR.trim() + "\", not \"|||\" or \"| |\"");
        }
        return splitContext(field);
    }

    /** Splits a context field ({@code first || second}) into messages; blank gives none. */
    public static List<String> splitContext(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(field.split("\\s*\\|\\|\\s*")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }
}
