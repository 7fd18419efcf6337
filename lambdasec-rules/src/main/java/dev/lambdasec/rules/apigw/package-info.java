/** Rules about API Gateway APIs and routes. */
@NullMarked
package dev.lambdasec.rules.apigw;

import org.jspecify.annotations.NullMarked;
