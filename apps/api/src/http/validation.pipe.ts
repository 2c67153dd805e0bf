import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorDetail, InvalidRequestError } from '@app/common';

/** Flattens class-validator's tree into one `details` entry per field, with paths like `items[2].amount`. */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not a recognised field' : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

/** Global validation: unknown fields are refused, types converted, failures in the error envelope. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequestError('The request is not valid.', validationDetails(errors)),
  });
}
