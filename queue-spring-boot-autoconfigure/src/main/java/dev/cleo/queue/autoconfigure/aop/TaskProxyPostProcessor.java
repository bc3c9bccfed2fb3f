/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.lang.reflect.Method;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoSettings;
import dev.cleo.queue.autoconfigure.aop.TaskMethodRegistry.TaskBean;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes calls of task methods enqueue, after the pattern of Spring's {@code @Async}:
 * beans with {@code @QueueClass} or {@code @Task} methods get {@link TaskInterceptor},
 * added to the bean's existing proxy ({@code @Transactional}, {@code @Validated}, ...)
 * when there is one, ahead of its other advisors. Their task methods are checked here, so
 * a method that cannot work fails the start.
 */
public class TaskProxyPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private SingletonSupplier<JsonMapper> mapper;

	private TaskMethodRegistry registry;

	private TaskMethodRequests requests;

	/**
	 * A post-processor whose proxies extend the bean's class, so that a worker can call
	 * any task method through the proxy.
	 */
	public TaskProxyPostProcessor() {
		setBeforeExistingAdvisors(true);
		setProxyTargetClass(true);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.mapper = SingletonSupplier
			.of(() -> beanFactory.getBeanProvider(JsonMapper.class).getIfUnique(() -> JsonMapper.builder().build()));
		// ${...} in schedule attributes resolve as in @Scheduled, against the
		// environment.
		UnaryOperator<String> placeholders = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable::resolveEmbeddedValue : UnaryOperator.identity();
		this.registry = new TaskMethodRegistry(() -> new TaskMethodFactory(beanFactory.getBean(CleoSettings.class),
				this.mapper.obtain(), placeholders));
		SingletonSupplier<QueueManager> manager = SingletonSupplier.of(() -> beanFactory.getBean(QueueManager.class));
		TaskCalls calls = new TaskCalls(manager);
		this.requests = new TaskMethodRequests(this.registry, calls);
		this.advisor = new TaskAdvisor(new TaskInterceptor(this.registry, calls));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof AopInfrastructureBean)) {
			Class<?> targetClass = AopUtils.getTargetClass(bean);
			if (isEligible(targetClass)) {
				this.registry.define(beanName, targetClass);
			}
		}
		return super.postProcessAfterInitialization(bean, beanName);
	}

	/**
	 * @return the application's task methods
	 */
	public TaskMethodRegistry registry() {
		return this.registry;
	}

	/**
	 * @return the application's task methods by id, as callers from outside its code
	 * enqueue them
	 */
	public TaskMethodRequests requests() {
		return this.requests;
	}

	/**
	 * Register a handler for every task method, which runs it through the bean as the
	 * context exposes it.
	 * @param manager the manager whose workers run the tasks
	 * @param beanFactory the factory to get the beans from
	 */
	public void registerHandlers(QueueManager manager, ListableBeanFactory beanFactory) {
		for (TaskBean task : this.registry.tasks()) {
			Object bean = beanFactory.getBean(task.beanName());
			manager.register(task.task().id(),
					new TaskMethodHandler(task.task(), bean, invocable(task.task(), bean), this.mapper.obtain()));
		}
	}

	private static Method invocable(TaskMethod task, Object bean) {
		Method method = task.method();
		if (method.getDeclaringClass().isInstance(bean)) {
			return method;
		}
		Method onProxy = ClassUtils.getMethodIfAvailable(bean.getClass(), method.getName(), method.getParameterTypes());
		if (onProxy == null) {
			throw TaskMethodFactory.fail(method, "cannot be called through the bean's interface-based proxy",
					"Declare the method on an interface the bean implements, or proxy classes "
							+ "(spring.aop.proxy-target-class=true).");
		}
		return onProxy;
	}

}
