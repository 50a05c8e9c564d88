/**
 * Value forms that people write in Warren's settings, shared by every place that reads them (the standalone
 * server's {@code warren.conf} and the provider's {@code vm://} URL options), so that a size means the same
 * everywhere. Imports nothing else of Warren's.
 */
package io.warren.config;
