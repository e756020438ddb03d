/**
 * What made a plan (spec: `generator`). The version is the package's, bumped whenever the engine can
 * decide differently for the same design, so that the same design and version give the same plan
 * byte for byte and a changed plan can be traced to a changed engine. A test holds it equal to
 * package.json's version.
 */
export const GENERATOR = { name: 'tidemark', version: '0.2.0' } as const;
