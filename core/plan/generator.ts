/**
 * What made a plan (spec: `generator`). The version is the package's, bumped whenever the engine can
 * decide differently for the same design, so that the same design and version give the same plan
 * byte for byte and a changed plan can be traced to a changed engine. A test holds it equal to
 * package.json's version.
 */
export const GENERATOR = { name: 'tidemark', version: '0.2.0' } as const;

/**
 * What the engine's plans are, in eight hex digits: the start of the SHA-256 of the plans of the
 * examples and of two generated designs (engine-version.test.ts computes it and fails, naming the new
 * value, when a change to the engine, its models or its prices makes any of them differ). The package
 * version is bumped by hand and seldom; this changes with every change to what the engine decides.
 */
export const ENGINE_FINGERPRINT = '9041b66c';

/**
 * The engine version a stored plan is keyed by (with the design's hash): plans computed by one
 * version are never served for another. The generator's version and the engine's fingerprint, so a
 * deploy whose engine plans anything differently recomputes every stored plan it serves.
 */
export const ENGINE_VERSION: string = `${GENERATOR.version}+${ENGINE_FINGERPRINT}`;
