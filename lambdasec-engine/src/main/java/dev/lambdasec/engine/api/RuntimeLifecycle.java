package dev.lambdasec.engine.api;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The support dates of a Lambda runtime, from the bundled lifecycle data.
 *
 * @param deprecation end of security patches; {@code null} when not scheduled
 * @param blockCreate date after which new functions cannot use the runtime
 * @param blockUpdate date after which existing functions cannot be updated
 * @param successor the runtime AWS recommends instead
 */
public record RuntimeLifecycle(
    String id,
    String language,
    @Nullable LocalDate deprecation,
    @Nullable LocalDate blockCreate,
    @Nullable LocalDate blockUpdate,
    @Nullable String successor) {}
