package org.saath.training;

import org.saath.nlu.Intent;

/**
 * One training or evaluation row.
 *
 * @param intent   the gold label
 * @param text     the message
 * @param language the language the row is written in (the file's stem for the training corpus, else detected)
 * @param origin   {@code file:line}, for error messages
 */
public record LabelledText(Intent intent, String text, String language, String origin) {
}
