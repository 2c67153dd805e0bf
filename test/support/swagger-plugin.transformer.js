// ts-jest wrapper for the @nestjs/swagger compiler plugin: the tests compile DTOs exactly as
// `nest build` does (see nest-cli.json), so the OpenAPI document under test is the one shipped.
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
// Bump to invalidate ts-jest's cache when the plugin options change.
module.exports.version = 1;
module.exports.factory = (compiler) =>
  plugin.before({ classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] }, compiler.program);
