/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.schedule;

/**
 * The cron dialect an expression is read in (parsed by cron-utils).
 */
public enum CronFormat {

	/**
	 * Spring's 6 fields: second minute hour day-of-month month day-of-week, with
	 * {@code L}, {@code W}, {@code #} and macros such as {@code @daily}.
	 */
	SPRING("6 fields: second minute hour day-of-month month day-of-week, e.g. '0 */5 * * * *'"),

	/** Unix's 5 fields: minute hour day-of-month month day-of-week. */
	UNIX("5 fields: minute hour day-of-month month day-of-week, e.g. '*/5 * * * *'"),

	/**
	 * Quartz's 6 or 7 fields: second minute hour day-of-month month day-of-week [year],
	 * with {@code ?} in one of the two day fields.
	 */
	QUARTZ("6 or 7 fields: second minute hour day-of-month month day-of-week [year], '?' in one day field, "
			+ "e.g. '0 0/5 * ? * * *'"),

	/**
	 * Chosen by the number of fields: 5 is {@link #UNIX}, 6 (or a macro) {@link #SPRING},
	 * 7 {@link #QUARTZ}.
	 */
	AUTO("5 fields read as Unix, 6 as Spring, 7 as Quartz");

	private final String fields;

	CronFormat(String fields) {
		this.fields = fields;
	}

	/**
	 * What an expression of this format looks like, for error messages.
	 * @return the description
	 */
	public String fields() {
		return this.fields;
	}

	/**
	 * The format an expression is read in: this one, or for {@link #AUTO} the one its
	 * number of fields names.
	 * @param expression the expression
	 * @return a concrete format
	 */
	CronFormat resolve(String expression) {
		if (this != AUTO) {
			return this;
		}
		int fields = expression.trim().split("\\s+").length;
		return switch (fields) {
			case 5 -> UNIX;
			case 7 -> QUARTZ;
			default -> SPRING;
		};
	}

}
