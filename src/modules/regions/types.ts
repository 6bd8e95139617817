import { Field, ObjectType } from 'type-graphql';
import { regionName } from './regions.js';

@ObjectType({ description: 'An administrative region by its GB/T 2260 division code, e.g. 440300 (Shenzhen).' })
export class Region {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

export function region(code: string): Region {
  return { code, name: regionName(code) ?? code };
}
