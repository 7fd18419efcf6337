/**
 * Serverless Framework ({@code serverless.yml}, v3 and v4 syntax): variables resolved where they
 * can be known before deployment, then the service expanded into the CloudFormation-shaped
 * resources the framework generates, which the CloudFormation mapper reads like any template.
 */
@NullMarked
package dev.lambdasec.source.iac.serverless;

import org.jspecify.annotations.NullMarked;
