/**
 * Reads CloudFormation and SAM templates from files and folders into the model: the public entry
 * point of the infrastructure-as-code adapters.
 */
@NullMarked
package dev.lambdasec.source.iac;

import org.jspecify.annotations.NullMarked;
