/** The IAM action catalog (AWS Service Authorization Reference), shipped as data. */
@NullMarked
package dev.lambdasec.iam.catalog;

import org.jspecify.annotations.NullMarked;
