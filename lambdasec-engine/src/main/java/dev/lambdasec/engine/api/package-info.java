/**
 * What a rule sees: the rule interface, its metadata annotation, its context and its result sink.
 */
@NullMarked
package dev.lambdasec.engine.api;

import org.jspecify.annotations.NullMarked;
