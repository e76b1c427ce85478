#!/usr/bin/env node
// Placeholder until the CLI lands; replaced in the next commits.
console.log('maverics-config');
