/**
 * YAML and JSON documents to {@link dev.lambdasec.model.Node} trees with an origin on every node,
 * CloudFormation short-form tags turned into their long form.
 */
@NullMarked
package dev.lambdasec.source.iac.parse;

import org.jspecify.annotations.NullMarked;
