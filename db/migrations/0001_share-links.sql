CREATE TABLE `share_links` (
	`id` text PRIMARY KEY NOT NULL,
	`design_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`revision` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer,
	`last_viewed_at` integer,
	FOREIGN KEY (`design_id`) REFERENCES `designs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_links_token_hash` ON `share_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_links_design` ON `share_links` (`design_id`);