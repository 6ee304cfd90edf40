package org.saath.cli;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.saath.config.MappingProblem;

/**
 * The one line on stderr for a command that stopped on a data, model or configuration error (exit 1). The usual
 * exceptions of reading and writing files carry only a path or a decoder's words ({@code Input length = 1}) as
 * their message; here they say what is wrong with which file. Everything else is its own message's first line.
 */
public final class ErrorLine {

    private ErrorLine() {
    }

    /** What to print after {@code saath: } for {@code e}. */
    public static String of(Throwable e) {
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return of(e.getCause());
        }
        if (e instanceof NoSuchFileException missing) {
            return missing(missing.getFile());
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof NotDirectoryException notFolder) {
            return "not a folder: " + notFolder.getFile();
        }
        if (e instanceof FileSystemException other && other.getReason() != null) {
            return other.getFile() + ": " + other.getReason();
        }
        if (e instanceof CharacterCodingException) {
            return "the input is not valid UTF-8 text";
        }
        if (e instanceof JsonProcessingException json) {
            return MappingProblem.describe(json);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    /** A missing file, or the folder it was to be in when that is what is missing (an {@code --out} mistyped). */
    private static String missing(String file) {
        Path folder = file == null ? null : Path.of(file).getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            return "no such folder: " + folder;
        }
        return "no such file: " + file;
    }
}
