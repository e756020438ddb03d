CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`design_hash` text NOT NULL,
	`engine_version` text NOT NULL,
	`status` text NOT NULL,
	`document` text NOT NULL,
	`plan` text,
	`series` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`worker` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_design_engine` ON `plans` (`design_hash`,`engine_version`);--> statement-breakpoint
CREATE INDEX `plans_status` ON `plans` (`status`);