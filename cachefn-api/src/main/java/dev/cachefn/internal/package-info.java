/** Implementation of the API over any storage. Not exported; nothing here is public API. */
@NullMarked
package dev.cachefn.internal;

import org.jspecify.annotations.NullMarked;
