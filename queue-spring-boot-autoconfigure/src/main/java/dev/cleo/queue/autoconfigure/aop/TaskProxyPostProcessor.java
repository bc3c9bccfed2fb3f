/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.aop;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.JacksonTaskSerializer;
import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskSerializer;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes calls of task methods enqueue, after the pattern of Spring's {@code @Async}:
 * beans with {@code @QueueClass} or {@code @Task} methods get {@link TaskInterceptor},
 * added to the bean's existing proxy ({@code @Transactional}, {@code @Validated}, ...)
 * when there is one, ahead of its other advisors. Their task methods are checked here, so
 * a method that cannot work fails the start, and collected in a
 * {@link TaskMethodRegistry} for whoever registers their handlers; this class only builds
 * proxies.
 */
public class TaskProxyPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private final Supplier<? extends TaskMethodDefaults> defaults;

	private SingletonSupplier<JsonMapper> mapper;

	private TaskMethodRegistry registry;

	private TaskMethodRequests requests;

	/**
	 * A post-processor whose proxies extend the bean's class, so that a worker can call
	 * any task method through the proxy.
	 * @param defaults what task methods inherit from configuration, asked for when the
	 * first task bean is post-processed
	 */
	public TaskProxyPostProcessor(Supplier<? extends TaskMethodDefaults> defaults) {
		this.defaults = defaults;
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
		this.registry = new TaskMethodRegistry(
				() -> new TaskMethodFactory(this.defaults.get(), this.mapper.obtain(), placeholders), this.mapper);
		SingletonSupplier<QueueManager> manager = SingletonSupplier.of(() -> beanFactory.getBean(QueueManager.class));
		SingletonSupplier<TaskSerializer> serializer = SingletonSupplier
			.of(() -> beanFactory.getBeanProvider(TaskSerializer.class)
				.getIfUnique(() -> new JacksonTaskSerializer(this.mapper.obtain())));
		InlineTaskRuns inline = new InlineTaskRuns(beanFactory.getBeanProvider(InlineTaskCalls.class)::getIfAvailable,
				serializer, this.registry, beanFactory::getBean);
		TaskCalls calls = new TaskCalls(manager, serializer, inline);
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

}
