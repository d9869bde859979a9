// No Docker engine runs on these machines, so the container files are checked statically:
// every compose file through docker-compose's own validator, every Dockerfile through a linter.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dockerDir = import.meta.dirname;
const root = path.dirname(dockerDir);
const files = readdirSync(dockerDir);

describe('docker/', () => {
  it.each(files.filter((f) => f.endsWith('.yaml')))('%s is a valid compose file', (file) => {
    const output = execFileSync('docker-compose', ['-f', path.join(dockerDir, file), 'config', '--services'], { cwd: root, encoding: 'utf8' });
    expect(output.trim().split('\n')).toContain(file.includes('kafka') ? 'kafka-3' : 'broker');
  });

  it.each(files.filter((f) => f.endsWith('.Dockerfile')))('%s passes dockerfilelint', (file) => {
    const output = execFileSync(path.join(root, 'node_modules', '.bin', 'dockerfilelint'), ['-o', 'json', path.join(dockerDir, file)], { encoding: 'utf8' });
    const report = JSON.parse(output) as { totalIssues: number; files: { issues: { line: string; title: string }[] }[] };
    expect(report.files.flatMap((f) => f.issues)).toEqual([]);
  });
});
