/**
 * CloudFormation: template sections, intrinsic function evaluation and the mapping of resources to
 * the model.
 */
@NullMarked
package dev.lambdasec.source.iac.cfn;

import org.jspecify.annotations.NullMarked;
