export default async function globalTeardown(): Promise<void> {
  await globalThis.__NEO4J__?.stop();
}
