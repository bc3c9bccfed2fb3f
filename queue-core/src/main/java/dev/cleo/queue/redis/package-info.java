/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Internal: everything that speaks Redis, from key building to the Lua scripts behind
 * each state change.
 */
package dev.cleo.queue.redis;
