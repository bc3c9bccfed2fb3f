/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Applies {@link TaskInterceptor} to the task methods of beans with {@code @QueueClass}
 * or {@code @Task}.
 */
final class TaskAdvisor extends AbstractPointcutAdvisor {

	private final TaskInterceptor interceptor;

	private final Pointcut pointcut = new TaskPointcut();

	TaskAdvisor(TaskInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	private static final class TaskPointcut extends StaticMethodMatcherPointcut {

		TaskPointcut() {
			setClassFilter((ClassFilter) TaskMethodRegistry::declaresTasks);
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return TaskMethodRegistry.isTaskMethod(method, targetClass);
		}

	}

}
