/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Internal: everything that speaks Redis, from key building to the Lua scripts behind
 * each state change. The one exception is {@link dev.cleo.queue.redis.RedisEndpoint}, the
 * API's way to say where Redis is.
 */
package dev.cleo.queue.redis;
