CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);--> statement-breakpoint
ALTER TABLE `designs` ADD `stored_bytes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `revisions` ADD `name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `revisions` ADD `component_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `revisions` ADD `connection_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `revisions` ADD `bytes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `revisions` ADD `changes` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Written by hand after drizzle-kit's output: existing revisions get their summaries from their own
-- documents once, here, so that listing revisions never has to parse a document again.
UPDATE `revisions` SET
	`name` = coalesce(json_extract(`document`, '$.name'), ''),
	`component_count` = coalesce(json_array_length(`document`, '$.components'), 0),
	`connection_count` = coalesce(json_array_length(`document`, '$.connections'), 0),
	`bytes` = length(CAST(`document` AS BLOB))
WHERE json_valid(`document`);--> statement-breakpoint
UPDATE `designs` SET `stored_bytes` = coalesce((SELECT sum(`bytes`) FROM `revisions` WHERE `revisions`.`design_id` = `designs`.`id`), 0);
