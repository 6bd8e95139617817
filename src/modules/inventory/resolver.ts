import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Address, SellerProfile } from '../accounts/types.js';
import { Region } from '../regions/types.js';
import { Variant } from '../catalog/types.js';
import type { VariantRow } from '../catalog/tables.js';
import * as inventory from './service.js';
import type { StockLevelRow, WarehouseRow } from './tables.js';
import {
  Availability,
  CreateWarehouseInput,
  StockLevel,
  StockLevelConnection,
  StockLevelInput,
  StockLevelsPayload,
  Warehouse,
  WarehousePayload,
} from './types.js';

registerNode('Warehouse', inventory.findVisibleWarehouse);

@Resolver(() => Warehouse)
export class WarehouseResolver {
  @Query(() => [Warehouse], { description: "Warehouses of the viewer's account and its subtree (V1)." })
  warehouses(@Ctx() ctx: Context) {
    return inventory.list(ctx);
  }

  @Mutation(() => WarehousePayload)
  createWarehouse(@Ctx() ctx: SignedInContext, @Arg('input', () => CreateWarehouseInput) input: CreateWarehouseInput) {
    return inventory.createWarehouse(ctx, input);
  }

  @Mutation(() => StockLevelsPayload)
  setStockLevels(@Ctx() ctx: SignedInContext, @Arg('input', () => [StockLevelInput]) input: StockLevelInput[]) {
    return inventory.setStockLevels(ctx, input);
  }

  @FieldResolver(() => ID)
  id(@Root() w: WarehouseRow) {
    return toGlobalId('Warehouse', w.id);
  }

  @FieldResolver(() => SellerProfile)
  owner(@Ctx() ctx: Context, @Root() w: WarehouseRow) {
    return inventory.warehouseOwner(ctx, w);
  }

  @FieldResolver(() => Address)
  address(@Ctx() ctx: Context, @Root() w: WarehouseRow) {
    return inventory.warehouseAddress(ctx, w);
  }

  @FieldResolver(() => [Region])
  coverage(@Root() w: WarehouseRow) {
    return inventory.warehouseCoverage(w);
  }

  @FieldResolver(() => StockLevelConnection, {
    nullable: true,
    description: "Stock levels of this warehouse, for its owner's chain (null for anyone else), by variant.",
  })
  stockLevels(
    @Ctx() ctx: Context,
    @Root() w: WarehouseRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return inventory.warehouseStock(ctx, w, first, after);
  }
}

@Resolver(() => StockLevel)
export class StockLevelResolver {
  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() ctx: Context, @Root() s: StockLevelRow) {
    return inventory.stockWarehouse(ctx, s);
  }

  @FieldResolver(() => Variant, { description: 'The variant counted here.' })
  variant(@Ctx() ctx: Context, @Root() s: StockLevelRow) {
    return inventory.stockVariant(ctx, s);
  }

  @FieldResolver(() => Int)
  available(@Root() s: StockLevelRow) {
    return s.onHand - s.reserved;
  }
}

@Resolver(() => Variant)
export class VariantStockResolver {
  @FieldResolver(() => Availability, { description: "What the viewer's seller chain can deliver to its region." })
  availability(@Ctx() ctx: Context, @Root() v: VariantRow) {
    return inventory.availability(ctx, v);
  }

  @FieldResolver(() => [StockLevel], {
    description: 'Per-warehouse stock: owners of the warehouses and their ancestors only (V1).',
  })
  stockLevels(@Ctx() ctx: Context, @Root() v: VariantRow) {
    return inventory.stockLevelsOf(ctx, v);
  }
}
