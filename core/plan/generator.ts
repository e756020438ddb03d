/**
 * What made a plan (spec: `generator`). The version is the package's, bumped whenever the engine can
 * decide differently for the same design, so that the same design and version give the same plan
 * byte for byte and a changed plan can be traced to a changed engine. A test holds it equal to
 * package.json's version.
 */
export const GENERATOR = { name: 'tidemark', version: '0.2.0' } as const;

/**
 * The engine version a stored plan is keyed by (with the design's hash): plans computed by one
 * version are never served for another. It is the generator's version, so bumping the package's
 * version when the engine changes also retires every stored plan.
 */
export const ENGINE_VERSION: string = GENERATOR.version;
