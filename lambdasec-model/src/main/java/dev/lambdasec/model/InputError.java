package dev.lambdasec.model;

/**
 * An input that could not be read, or a part of it that was skipped. Messages are plain sentences
 * without stack traces and never quote file contents, which may hold secrets.
 *
 * @param file the file as given on the command line
 * @param line 1-based line, or 0 when the whole file is concerned
 * @param column 1-based column, or 0
 */
public record InputError(String file, int line, int column, String message) {}
