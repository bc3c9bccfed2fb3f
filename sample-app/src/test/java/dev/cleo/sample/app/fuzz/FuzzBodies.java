/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

import java.util.List;

/**
 * Bodies shaped like what each endpoint takes, with any member's value now and then
 * swapped for a hostile one and now and then an unknown member added, so that some
 * requests are valid and the rest fail at every possible check in turn.
 */
final class FuzzBodies {

	private static final List<String> TYPES = List.of("send-email", "simulate-work", "generate-report", "place-order",
			"password-reset", "NotificationService.sendEmail", "reports.digest");

	private final FuzzValues values;

	FuzzBodies(FuzzValues values) {
		this.values = values;
	}

	String job() {
		String type = this.values.chance(85) ? this.values.pick(TYPES) : null;
		String payload = (type != null) ? payload(type) : this.values.json(3);
		return object("type", (type != null) ? FuzzValues.quote(type) : this.values.string(), "payload", payload,
				"options", this.values.chance(60) ? options() : this.values.json(1));
	}

	String order() {
		StringBuilder lines = new StringBuilder("[");
		for (int i = this.values.nextInt(4); i > 0; i--) {
			lines
				.append(object("sku", this.values.stringOr("book"), "quantity", this.values.numberOr("2"), "unitPrice",
						this.values.numberOr("12.50")))
				.append((i > 1) ? "," : "");
		}
		return object("id", this.values.stringOr("o-" + this.values.nextInt(1000)), "customerId",
				this.values.stringOr("c-" + this.values.nextInt(5)), "email", this.values.stringOr("bob@example.org"),
				"lines", this.values.chance(85) ? lines.append(']').toString() : this.values.json(2));
	}

	String report() {
		return object("title", this.values.stringOr("Q" + this.values.nextInt(4)), "steps",
				this.values.numberOr(String.valueOf(1 + this.values.nextInt(3))), "millisPerStep",
				this.values.numberOr(String.valueOf(this.values.nextInt(10))));
	}

	String action(String taskId) {
		return object("maxJobs", this.values.numberOr(String.valueOf(1 + this.values.nextInt(20))), "schedule",
				this.values.stringOr("reports.digest"), "id", this.values.stringOr(taskId));
	}

	String reprocess(String queue) {
		return object("queue", this.values.stringOr(queue), "maxJobs", this.values.numberOr("5"), "jobIds",
				this.values.chance(50) ? "[]" : this.values.json(1));
	}

	String cleanup(String queue) {
		return object("queue", this.values.stringOr(queue), "removeCompleted", this.values.numberOr("true"),
				"removeExpired", this.values.numberOr("false"), "olderThan", this.values.numberOr("60000"));
	}

	private String payload(String type) {
		return switch (type) {
			case "send-email", "password-reset", "NotificationService.sendEmail" ->
				object("to", this.values.stringOr("ada@example.com"), "subject", this.values.stringOr("Hi"), "body",
						this.values.stringOr("Hello"));
			case "simulate-work" -> object("millis", this.values.numberOr(String.valueOf(this.values.nextInt(5))),
					"failTimes", this.values.numberOr(String.valueOf(this.values.nextInt(2))));
			case "generate-report" -> report();
			case "place-order" -> order();
			default -> this.values.json(2);
		};
	}

	private String options() {
		return object("priority", this.values.stringOr("high"), "maxRetries", this.values.numberOr("1"), "ttl",
				this.values.numberOr("60000"), "timeout", this.values.numberOr("1000"), "delay",
				this.values.numberOr("0"), "group", this.values.stringOr("g-" + this.values.nextInt(3)), "dedupeId",
				this.values.stringOr("d-" + this.values.nextInt(50)), "queue",
				this.values.stringOr(this.values.pick(FuzzTargets.QUEUES)));
	}

	/**
	 * An object of some of the members given (name, value, ...), sometimes with an
	 * unknown one.
	 */
	private String object(String... members) {
		StringBuilder object = new StringBuilder("{");
		for (int i = 0; i < members.length; i += 2) {
			if (this.values.chance(93)) {
				object.append((object.length() > 1) ? "," : "")
					.append(FuzzValues.quote(members[i]))
					.append(':')
					.append(members[i + 1]);
			}
		}
		if (this.values.chance(5)) {
			object.append((object.length() > 1) ? "," : "").append("\"unknown\":").append(this.values.json(1));
		}
		return object.append('}').toString();
	}

}
