package dev.lambdasec.model;

/**
 * One input that contributed to the application: a template, a Terraform configuration, an account
 * region.
 *
 * @param scope the scope of every {@link ResourceKey} the input produced
 * @param kind what the input was recognised as
 */
public record SourceUnit(String scope, SourceKind kind) {}
