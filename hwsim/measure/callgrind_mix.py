#!/usr/bin/env python3
"""Instruction mix per invocation of a function, from a callgrind run (hwsim/README.md, "CPU baselines").

  valgrind --tool=callgrind --dump-instr=yes --dump-line=no --compress-strings=no --compress-pos=no \
      --collect-atstart=no --toggle-collect='my_function*' --callgrind-out-file=cg.out ./my_program
  hwsim/measure/callgrind_mix.py --binary ./my_program --callgrind cg.out --calls 2000

Link the program statically (-static) so that libm's code is in the binary and objdump can name
every executed instruction. Prints the micro-operation counts per invocation by hwsim's
instruction classes (the format of hwsim's instruction-mixes.csv), the totals, and the cycles per
invocation on the shipped Penryn-like table (hwsim/README.md, "Cycles per class"), which a
run-config takes as `function.cyclesPerInvocation`.
"""
import argparse
import collections
import re
import subprocess
import sys

# cycles per micro-operation of run-configs/hardware/{eyeriss,npu8}.yaml, cpu.instructions
PENRYN_CYCLES = {'int': 0.33, 'imul': 1, 'load': 1, 'store': 1, 'branch': 1.75, 'fadd': 1, 'fmul': 1,
                 'fdiv': 12, 'fdivd': 20, 'fsqrt': 12, 'fsqrtd': 19, 'fconv': 1, 'fmove': 0.33,
                 'vint': 0.33, 'vmul': 1, 'vshuf': 1}
CLASSES = ['int', 'imul', 'load', 'store', 'branch', 'fadd', 'fmul', 'fdiv', 'fdivd', 'fsqrt',
           'fsqrtd', 'fconv', 'fmove', 'vint', 'vmul', 'vshuf']


def self_costs(path):
    """Executed count of each instruction address (self cost only) and the function it is in."""
    counts, function_of = collections.Counter(), {}
    function, after_call = None, False
    with open(path) as f:
        for line in f:
            if line.startswith('fn='):
                function = line[3:].strip()
            elif line.startswith('calls='):
                after_call = True  # the next cost line is the call's inclusive cost
            else:
                m = re.match(r'^(0x[0-9a-f]+) (\d+)$', line.strip())
                if m:
                    if after_call:
                        after_call = False
                        continue
                    address = int(m.group(1), 16)
                    counts[address] += int(m.group(2))
                    function_of[address] = function
    return counts, function_of


def disassemble(binary):
    text = subprocess.run(['objdump', '-d', '--no-show-raw-insn', '-M', 'att', binary],
                          capture_output=True, text=True, check=True).stdout
    code = {}
    for line in text.splitlines():
        m = re.match(r'^\s+([0-9a-f]+):\s+(\S+)\s*(.*)$', line)
        if m:
            code[int(m.group(1), 16)] = (m.group(2), m.group(3))
    return code


def operation(mnemonic):
    b = mnemonic
    if re.match(r'^(add|sub)[sp][sd]$', b) or re.match(r'^u?comis[sd]$', b) or re.match(r'^(max|min|cmp)[a-z]*s[sd]$', b):
        return 'fadd'
    if re.match(r'^mul[sp][sd]$', b):
        return 'fmul'
    if b in ('divss', 'divps'):
        return 'fdiv'
    if b in ('divsd', 'divpd'):
        return 'fdivd'
    if b in ('sqrtss', 'sqrtps'):
        return 'fsqrt'
    if b in ('sqrtsd', 'sqrtpd'):
        return 'fsqrtd'
    if b.startswith('cvt') or b.startswith('round'):
        return 'fconv'
    if re.match(r'^(pmul|pmadd)', b):
        return 'vmul'
    if re.match(r'^(pshuf|punpck|pack|palignr|pinsr|pextr|shuf|unpck)', b):
        return 'vshuf'
    if re.match(r'^(padd|psub|pand|por|pxor|psra|psrl|psll|pcmp|pmax|pmin|pabs|pavg|movdq)', b):
        return 'vint'
    if re.match(r'^(mov(ss|sd|aps|apd|ups|upd|d|q|hps|lps|hpd|lpd|mskps|mskpd|lhps|hlps|shdup|sldup)|(and|andn|or|xor)p[sd])$', b):
        return 'fmove'
    if b.startswith('imul') or b.startswith('mul'):
        return 'imul'
    return 'int'


def micro_ops(mnemonic, operands):
    """hwsim's micro-operation classes of one AT&T-syntax instruction."""
    parts = re.split(r',(?![^(]*\))', operands) if operands else []
    reads = any('(' in p for p in parts[:-1])
    writes = bool(parts) and '(' in parts[-1]
    if re.match(r'^(j[a-z]+|call[a-z]*|ret[a-z]*)$', mnemonic):
        return ['branch'] + (['store'] if mnemonic.startswith('call') else ['load'] if mnemonic.startswith('ret') else [])
    if mnemonic.startswith('push'):
        return ['store']
    if mnemonic.startswith('pop'):
        return ['load']
    if mnemonic.startswith(('lea', 'nop', 'endbr')):
        return ['int']
    if mnemonic.startswith('mov') and (reads or writes):
        return ['load'] if reads else ['store']
    ops = [operation(mnemonic)]
    if reads:
        ops.append('load')
    if writes:
        ops += ['load'] if mnemonic.startswith(('cmp', 'test', 'ucomi', 'comi')) else ['load', 'store']
    return ops


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--binary', required=True)
    p.add_argument('--callgrind', required=True)
    p.add_argument('--calls', type=int, required=True, help='invocations of the function in the run')
    a = p.parse_args()
    counts, function_of = self_costs(a.callgrind)
    code = disassemble(a.binary)
    mix, instructions, unknown = collections.Counter(), 0, 0
    for address, n in counts.items():
        if address not in code:
            unknown += n
            continue
        instructions += n
        for c in micro_ops(*code[address]):
            mix[c] += n
    if unknown:
        print(f'warning: {unknown} executed instructions are not in {a.binary} (link it statically)', file=sys.stderr)
    print('instructionMix: {' + ', '.join(f'{c}: {mix[c] / a.calls:.2f}' for c in CLASSES if mix[c]) + '}')
    cycles = sum(mix[c] / a.calls * PENRYN_CYCLES[c] for c in CLASSES)
    print(f'cyclesPerInvocation: {cycles:.1f}   # on run-configs/hardware/eyeriss.yaml cpu.instructions')
    print(f'# {instructions / a.calls:.1f} instructions, {sum(mix.values()) / a.calls:.1f} micro-operations per invocation')


if __name__ == '__main__':
    main()
