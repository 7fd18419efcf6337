/**
 * AWS SAM: expansion of the {@code AWS::Serverless-2016-10-31} transform into CloudFormation-shaped
 * resources, which then go through the CloudFormation mapper.
 */
@NullMarked
package dev.lambdasec.source.iac.sam;

import org.jspecify.annotations.NullMarked;
