/**
 * The normalized, source-independent model of a serverless application. Every adapter
 * (CloudFormation, SAM, Serverless Framework, Terraform, the live account, packages) produces it;
 * every rule reads only it.
 */
@NullMarked
package dev.lambdasec.model;

import org.jspecify.annotations.NullMarked;
