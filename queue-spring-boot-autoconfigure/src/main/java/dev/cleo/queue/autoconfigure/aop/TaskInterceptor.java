/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.util.ClassUtils;

/**
 * Enqueues calls of task methods instead of running them; lets through the one call a
 * worker makes to run a task (see {@link TaskCallGuard}) and calls of other methods.
 */
final class TaskInterceptor implements MethodInterceptor {

	private final TaskMethodRegistry registry;

	private final TaskCalls calls;

	TaskInterceptor(TaskMethodRegistry registry, TaskCalls calls) {
		this.registry = registry;
		this.calls = calls;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? ClassUtils.getUserClass(target)
				: invocation.getMethod().getDeclaringClass();
		TaskMethod task = this.registry.find(invocation.getMethod(), targetClass);
		if (task == null || TaskCallGuard.take(task.method())) {
			return invocation.proceed();
		}
		return this.calls.enqueue(task, invocation.getArguments());
	}

}
